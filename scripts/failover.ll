# A broker dies: heartbeats stop, the controller fences it, leaders move, the ISR shrinks; it
# comes back, catches up, and a preferred election returns leadership to the preferred replica.
create topic orders --replica-assignment 1:2:3,2:3:1,3:1:2
produce orders --count 30 --acks all
describe orders
kill 1
wait until broker 1 is fenced --timeout 5s
expect leader orders-0 is 2
expect isr orders-0 is 2,3
describe orders
restart 1
wait until broker 1 is unfenced --timeout 10s
wait until isr orders-0 is 2,3,1 --timeout 10s
elect preferred --all
expect leader orders-0 is 1
describe orders
events
