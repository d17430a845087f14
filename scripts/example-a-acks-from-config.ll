# Kafka's worked example A (reference §3.5) with the producer's acks left to the client config, so that
# a split can run it under both settings and show the difference side by side:
#   split "config set acks 1" "config set acks all" --script scripts/example-a-acks-from-config.ll
# On its own it runs with Kafka's default, acks=all. Run: ./leaderlab --no-gui --seed 1 --script FILE
create topic orders --replica-assignment 1:2:3
produce orders --partition 0 --count 100 --acks all
# The followers stop reaching leader 1 (they stay registered with the controller); the next write
# takes its acks from the client config, the one thing the two sides of the split set differently.
isolate 1 --from brokers
produce orders --partition 0 --count 10
# Broker 1 crashes; the network heals; broker 1 comes back.
kill 1
heal
wait 3s
restart 1
wait 5s
describe orders
