package leaderlab.kafka;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import leaderlab.kafka.local.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The real Kafka cluster the commands act on: one that leaderlab started ({@link #local}) and may crash,
 * stop and stall, or an existing one it attached to ({@link #attach}), read-only unless admin actions
 * were allowed. Holds the Admin client and the producer and consumer every command shares.
 */
public final class RealCluster implements AutoCloseable {

    private final Properties clientProps;
    private final LocalKafka local;
    private final boolean allowAdmin;
    private final boolean kafkaTimings;
    private final Admin admin;
    private final Clients clients;
    private final long startNanos = System.nanoTime();

    private RealCluster(Properties clientProps, LocalKafka local, boolean allowAdmin, boolean kafkaTimings) {
        this.clientProps = clientProps;
        this.local = local;
        this.allowAdmin = allowAdmin;
        this.kafkaTimings = kafkaTimings;
        Properties adminProps = new Properties();
        adminProps.putAll(clientProps);
        adminProps.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        adminProps.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        this.admin = Admin.create(adminProps);
        this.clients = new Clients(clientProps, kafkaTimings);
    }

    /** The cluster leaderlab started; closing this closes it too. */
    public static RealCluster local(LocalKafka kafka) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return new RealCluster(props, kafka, true, kafka.options().kafkaTimings());
    }

    /**
     * An existing cluster.
     *
     * @param clientProps {@code bootstrap.servers} and whatever {@code --command-config} set (TLS, SASL)
     */
    public static RealCluster attach(Properties clientProps, boolean allowAdmin) {
        return new RealCluster(clientProps, null, allowAdmin, true);
    }

    /** Whether leaderlab started this cluster (and so may crash, stop and stall its brokers). */
    public boolean isLocal() {
        return local != null;
    }

    /** The local cluster's processes; only when {@link #isLocal()}. */
    public LocalKafka local() {
        if (local == null) {
            throw new IllegalStateException("not a cluster leaderlab started");
        }
        return local;
    }

    /** Whether commands may change the cluster (always for a local one; attached, with --allow-admin). */
    public boolean allowsAdmin() {
        return allowAdmin;
    }

    public boolean kafkaTimings() {
        return kafkaTimings;
    }

    public String bootstrapServers() {
        return clientProps.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    public Admin admin() {
        return admin;
    }

    Clients clients() {
        return clients;
    }

    /** Milliseconds since leaderlab connected: the clock of observed events. */
    public long nowMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** What the cluster looks like now (several Admin calls, each bounded). */
    public RealState state() {
        return StateReader.read(admin, local, nowMs());
    }

    /**
     * The same, with only the high watermarks the slice chooses read anew (the observer's poll); a topic
     * Kafka answers an error for alone keeps its state from {@code previous}, marked stale.
     */
    RealState state(HighWatermarkSlice highWatermarks, RealState previous) {
        return StateReader.read(admin, local, nowMs(), highWatermarks, previous);
    }

    @Override
    public void close() {
        clients.close();
        admin.close(java.time.Duration.ofSeconds(2));
        if (local != null) {
            local.close();
        }
    }
}
