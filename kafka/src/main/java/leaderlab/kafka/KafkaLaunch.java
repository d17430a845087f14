package leaderlab.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import leaderlab.kafka.local.LocalKafka;
import leaderlab.kafka.local.LocalKafkaOptions;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Which real cluster to drive: one leaderlab starts ({@code --kafka}) or an existing one it attaches to
 * ({@code --bootstrap-server}, with {@code --allow-admin} and {@code --command-config}).
 *
 * @param local            the cluster to start, or null to attach
 * @param bootstrapServers HOST:PORT[,HOST:PORT...] to attach to, or null
 * @param commandConfig    a client properties file (TLS, SASL), as Kafka's tools take, or null
 */
public record KafkaLaunch(LocalKafkaOptions local, String bootstrapServers, Path commandConfig, boolean allowAdmin) {

    public static KafkaLaunch start(LocalKafkaOptions options) {
        return new KafkaLaunch(options, null, null, true);
    }

    public static KafkaLaunch attach(String bootstrapServers, Path commandConfig, boolean allowAdmin) {
        return new KafkaLaunch(null, bootstrapServers, commandConfig, allowAdmin);
    }

    /** Starts or connects; the caller closes what it gets. */
    RealCluster open() throws IOException {
        if (local != null) {
            return RealCluster.local(LocalKafka.start(local));
        }
        Properties props = new Properties();
        if (commandConfig != null) {
            try (Reader reader = Files.newBufferedReader(commandConfig, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (NoSuchFileException e) {
                throw new IOException("no such --command-config file: " + commandConfig, e);
            }
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return RealCluster.attach(props, allowAdmin);
    }

    /** What the shell says it is connected to. */
    String describe(RealCluster cluster) {
        if (local != null) {
            return "a real Apache Kafka 4.4 cluster: " + local.brokers() + " broker(s) and " + local.controllers()
                    + " KRaft controller(s) as child JVMs on " + cluster.bootstrapServers() + " ("
                    + (local.kafkaTimings() ? "Kafka's default timings" : "classroom timings") + ")";
        }
        return "the Kafka cluster at " + bootstrapServers
                + (allowAdmin ? " (admin actions allowed, each shown as its Kafka command)" : " (read-only)");
    }
}
