/** A real local Kafka cluster: controllers and brokers as child JVMs leaderlab starts, signals and stops. */
package leaderlab.kafka.local;
