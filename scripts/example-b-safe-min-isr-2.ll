# Example B with min.insync.replicas=2 (reference §3.5): once the ISR is the leader alone, acks=all
# writes fail with NOT_ENOUGH_REPLICAS before anything is written, so nothing acknowledged is lost.
create topic orders --replica-assignment 1:2:3 --config min.insync.replicas=2
produce orders --partition 0 --count 100 --acks all
config set request.timeout.ms 10000
isolate 3 --from brokers:1
isolate 2 --from brokers:1
# Written to the leader, but the ISR shrinks to the leader alone before the HW can cover it
# (--retries 0: the first answer, not Kafka's default producer that would resend until delivery.timeout.ms):
produce orders --partition 0 --count 50 --acks all --retries 0
expect last-produce is REQUEST_TIMED_OUT
expect isr orders-0 is 1
# Now acks=all is refused up front.
produce orders --partition 0 --count 50 --acks all --retries 0
expect last-produce is NOT_ENOUGH_REPLICAS
expect leo orders-0 on 1 is 150
expect hw orders-0 is 100
