package leaderlab.kafka.local;

/**
 * A stand-in for leaderlab in {@link OrphanTest}: starts a one-broker cluster, prints the nodes' pids
 * and its data directory, and waits to be killed.
 */
public final class OrphanProbe {

    private OrphanProbe() {}

    public static void main(String[] args) throws InterruptedException {
        LocalKafka kafka = LocalKafka.start(new LocalKafkaOptions(1, 0, 1, false));
        System.out.println("pids " + kafka.broker(1).pid() + " "
                + kafka.controllers().get(0).pid() + " dir " + kafka.dataDir());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
