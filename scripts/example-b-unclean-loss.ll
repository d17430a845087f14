# Kafka's worked example B (reference §3.5): an unclean election loses acknowledged records even
# with acks=all when min.insync.replicas is 1.
# Run: ./leaderlab --no-gui --seed 1 --script scripts/example-b-unclean-loss.ll
create topic orders --replica-assignment 1:2:3 --config unclean.leader.election.enable=true
produce orders --partition 0 --count 100 --acks all
expect hw orders-0 is 100
# Give acks=all writes time to wait out the ISR shrink below.
config set request.timeout.ms 10000
# Brokers 2 and 3 fall behind: they cannot reach leader 1 but stay registered with the controller.
isolate 3 --from brokers:1
isolate 2 --from brokers:1
# The leader holds these acks=all writes until the HW covers them; after replica.lag.time.max.ms it
# drops the lagging followers from the ISR, and with |ISR| = 1 >= min.insync.replicas = 1 the HW
# moves and the writes are acknowledged.
produce orders --partition 0 --count 50 --acks all
expect last-produce is acked
expect isr orders-0 is 1
expect hw orders-0 is 150
expect leo orders-0 on 2 is 100
# The leader dies. Unclean election is enabled for the topic, so the same fence record elects the
# first alive replica, broker 2, although it lacks offsets 100-149.
kill 1
heal
wait until leader orders-0 is 2 --timeout 5s
expect isr orders-0 is 2
# Broker 1 returns and truncates the 50 acknowledged records (diverging epoch 0 ends at 100).
restart 1
wait until leo orders-0 on 1 is 100 --timeout 10s
events --type LEADER_ELECTED
events --type TRUNCATED
