# A small script for RealKafkaCommandsTest's compare: a follower crashes and comes back, acks=all goes on.
create topic compared --replica-assignment 1:2:3 --config min.insync.replicas=2
produce compared --count 20 --acks all
describe compared
kill 3
wait until isr compared-0 is 1,2 --timeout 10s
produce compared --count 5 --acks all
describe compared
restart 3
wait until isr compared-0 is 1,2,3 --timeout 20s
elect preferred compared-0
expect hw compared-0 is 25
