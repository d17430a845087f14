package leaderlab.kafka.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The launcher on a real cluster: one controller and two brokers in two racks, started once for the class. */
@Tag("kafka")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LocalKafkaTest {

    private static LocalKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void start() {
        kafka = LocalKafka.start(new LocalKafkaOptions(2, 2, 1, false));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        admin = Admin.create(props);
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyBrokerIsUpOnLoopbackWithItsRack() throws Exception {
        List<Node> nodes = List.copyOf(admin.describeCluster().nodes().get());
        assertEquals(2, nodes.size());
        for (Node node : nodes) {
            assertEquals("127.0.0.1", node.host());
            assertEquals(kafka.options().rackOf(node.id()), node.rack());
        }
    }

    /** What the kernel says each node bound, not what its config asks for: every listener on 127.0.0.1. */
    @Test
    void everyNodeListensOnLoopbackOnly() throws Exception {
        List<KafkaNode> nodes = Stream.concat(kafka.brokers().stream(), kafka.controllers().stream())
                .toList();
        assertEquals(3, nodes.size());
        for (KafkaNode node : nodes) {
            List<ListeningSockets.Listener> listeners = ListeningSockets.of(node.pid());
            assertFalse(listeners.isEmpty(), node.name() + " listens on nothing");
            for (ListeningSockets.Listener listener : listeners) {
                assertEquals("127.0.0.1", listener.address().getHostAddress(), node.name() + ": " + listeners);
            }
        }
        for (String server : kafka.bootstrapServers().split(",")) {
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            boolean bound = false;
            for (KafkaNode broker : kafka.brokers()) {
                bound |= ListeningSockets.of(broker.pid()).stream().anyMatch(l -> l.port() == port);
            }
            assertTrue(bound, "no broker listens on " + server);
        }
    }

    @Test
    void classroomTimingsAreTheBrokersConfigs() throws Exception {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
        Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
        assertEquals("1500", config.get("broker.session.timeout.ms").value());
        assertEquals("200", config.get("broker.heartbeat.interval.ms").value());
        assertEquals("2000", config.get("replica.lag.time.max.ms").value());
        assertEquals("2", config.get("default.replication.factor").value());
    }

    @Test
    void closingStopsEveryNodeAndDeletesTheData() throws Exception {
        LocalKafka single = LocalKafka.start(new LocalKafkaOptions(1, 0, 1, true));
        List<Long> pids =
                List.of(single.broker(1).pid(), single.controllers().get(0).pid());
        assertTrue(Files.isDirectory(single.dataDir()));
        single.close();
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid);
        }
        assertFalse(Files.exists(single.dataDir()));
    }
}
