# Kafka's worked example A (reference §3.5): acks=1 loses acknowledged records without any
# unclean election. Run: ./leaderlab --no-gui --seed 1 --script scripts/example-a-acks1-loss.ll
create topic orders --replica-assignment 1:2:3
produce orders --partition 0 --count 100 --acks all
expect hw orders-0 is 100
# The followers stop reaching leader 1 (they stay registered with the controller), so the next
# acks=1 writes exist on the leader only, and the leader acknowledges them at once.
isolate 1 --from brokers
produce orders --partition 0 --count 10 --acks 1
expect last-produce is acked
expect leo orders-0 on 1 is 110
expect hw orders-0 is 100
# Broker 1 crashes before anyone copied offsets 100-109.
kill 1
heal
wait until leader orders-0 is 2 --timeout 5s
expect isr orders-0 is 2,3
expect epoch orders-0 is 1
# New writes take offsets 100.. on broker 2, in leader epoch 1.
produce orders --partition 0 --count 5 --acks all
expect hw orders-0 is 105
# Broker 1 returns with offsets 100-109 from epoch 0; leader 2 says epoch 0 ended at 100, so
# broker 1 truncates them: acknowledged, never seen by consumers, gone.
restart 1
wait until isr orders-0 is 2,3,1 --timeout 10s
expect leo orders-0 on 1 is 105
events --type TRUNCATED
