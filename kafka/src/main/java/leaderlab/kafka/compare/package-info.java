/**
 * {@code leaderlab compare}: one script on the simulator and on a real Kafka cluster, observation by
 * observation, and {@code lesson verify --kafka}'s runner of lesson lines on real Kafka.
 */
package leaderlab.kafka.compare;
