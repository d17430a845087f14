# Kafka's worked example C (reference §3.5): RF 3, min.insync.replicas 2, acks=all. Losing one
# broker keeps the partition writable; losing two makes writes fail while committed data stays.
create topic orders --replica-assignment 1:2:3 --config min.insync.replicas=2
produce orders --partition 0 --count 100 --acks all
expect hw orders-0 is 100
kill 1
wait until leader orders-0 is 2 --timeout 5s
produce orders --partition 0 --count 10 --acks all
expect last-produce is acked
expect hw orders-0 is 110
# Let broker 3 learn the new high watermark from its next fetch.
wait 500ms
kill 2
wait until leader orders-0 is 3 --timeout 5s
expect isr orders-0 is 3
# --retries 0 shows the broker's refusal (a retrying producer would expire the batch after delivery.timeout.ms).
produce orders --partition 0 --count 10 --acks all --retries 0
expect last-produce is NOT_ENOUGH_REPLICAS
# Every acknowledged record is still there and readable.
consume orders --partition 0 --from-beginning
expect hw orders-0 is 110
