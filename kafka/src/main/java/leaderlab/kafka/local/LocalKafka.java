package leaderlab.kafka.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka cluster on this machine (stack.md §7, §7.1): controllers and brokers as child
 * JVMs in KRaft mode with static voters, formatted fresh in a temporary directory that {@link #close()}
 * deletes, listening on loopback only. Nothing outlives leaderlab: {@code close()} runs on exit and
 * from a shutdown hook, and each node halts by itself when leaderlab dies without running either
 * (see {@link NodeMain}).
 */
public final class LocalKafka implements AutoCloseable {

    /** The longest a cold start may take on a busy two-core machine before it counts as failed. */
    static final long START_TIMEOUT_MS = 180_000;

    private static final long POLL_MS = 250;

    private static final String DIR_PREFIX = "leaderlab-kafka-";

    /** In each data directory: the pid of the leaderlab that owns it. */
    private static final String OWNER_FILE = "owner.pid";

    private final LocalKafkaOptions options;
    private final Path dataDir;
    private final Ports ports;
    private final List<KafkaNode> controllers = new ArrayList<>();
    private final List<KafkaNode> brokers = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "leaderlab-kafka-cleanup");
    private boolean closed;

    private LocalKafka(LocalKafkaOptions options, Path dataDir) throws IOException {
        this.options = options;
        this.dataDir = dataDir;
        this.ports = new Ports(options.brokers(), options.controllers());
        Files.writeString(
                dataDir.resolve(OWNER_FILE),
                Long.toString(ProcessHandle.current().pid()));
        Path argFile = writeArgFile(dataDir);
        for (int i = 0; i < options.controllers(); i++) {
            Map<String, String> props = NodeConfig.controller(options, ports, i, dataDir.resolve("controller-" + i));
            controllers.add(node(options.controllerId(i), KafkaNode.Role.CONTROLLER, props, argFile));
        }
        for (int id = 1; id <= options.brokers(); id++) {
            Map<String, String> props = NodeConfig.broker(options, ports, id, dataDir.resolve("broker-" + id));
            brokers.add(node(id, KafkaNode.Role.BROKER, props, argFile));
        }
    }

    /**
     * Formats and starts the cluster and returns once every broker is registered and unfenced.
     *
     * @throws IllegalStateException if a node does not come up (with the end of its log)
     */
    public static LocalKafka start(LocalKafkaOptions options) {
        sweepOrphanedDataDirs();
        LocalKafka kafka;
        try {
            kafka = new LocalKafka(options, Files.createTempDirectory(DIR_PREFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a Kafka data directory: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(kafka.shutdownHook);
        try {
            kafka.format();
            kafka.controllers.forEach(KafkaNode::start);
            kafka.brokers.forEach(KafkaNode::start);
            kafka.awaitBrokers(options.brokers(), START_TIMEOUT_MS);
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public LocalKafkaOptions options() {
        return options;
    }

    /** Every broker's client listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return IntStream.rangeClosed(1, options.brokers())
                .mapToObj(id -> NodeConfig.LOOPBACK + ":" + ports.broker(id))
                .collect(Collectors.joining(","));
    }

    public Path dataDir() {
        return dataDir;
    }

    public List<KafkaNode> brokers() {
        return List.copyOf(brokers);
    }

    public List<KafkaNode> controllers() {
        return List.copyOf(controllers);
    }

    /** Broker id 1..N. */
    public KafkaNode broker(int id) {
        if (id < 1 || id > brokers.size()) {
            throw new IllegalArgumentException("no broker " + id + " (brokers are 1.." + brokers.size() + ")");
        }
        return brokers.get(id - 1);
    }

    /** SIGKILL: a crash. */
    public synchronized void kill(int id) {
        requireOpen();
        broker(id).kill();
    }

    /** SIGTERM: a controlled shutdown; returns whether the broker stopped within the wait. */
    public synchronized boolean shutdown(int id, long waitMs) {
        requireOpen();
        return broker(id).terminate(waitMs);
    }

    /** Starts a stopped broker again on its own port and log directory. */
    public synchronized void restart(int id) {
        requireOpen();
        broker(id).start();
    }

    /** SIGSTOP. */
    public synchronized void stall(int id) {
        requireOpen();
        broker(id).stall();
    }

    /** SIGCONT. */
    public synchronized void resume(int id) {
        requireOpen();
        broker(id).resume();
    }

    /**
     * Stops every node at once (SIGKILL: the data is thrown away, so a graceful stop would only cost
     * time) and deletes the data directory. Safe to call twice and from the shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Stream.concat(brokers.stream(), controllers.stream()).forEach(KafkaNode::kill);
        deleteTree(dataDir);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook finds this cluster closed.
            }
        }
    }

    /** Waits until {@code count} brokers are registered and unfenced (what describeCluster lists). */
    void awaitBrokers(int count, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try (Admin admin = Admin.create(adminProps())) {
            while (true) {
                failIfANodeDied();
                if (brokersVisible(admin) >= count) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not start within " + timeoutMs / 1000 + " s; "
                            + brokers.get(0).name() + " logged:\n"
                            + brokers.get(0).logTail(15));
                }
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka was starting", e);
        }
    }

    private int brokersVisible(Admin admin) throws InterruptedException {
        try {
            return admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        }
    }

    private void failIfANodeDied() {
        for (KafkaNode node : (Iterable<KafkaNode>) Stream.concat(controllers.stream(), brokers.stream())::iterator) {
            if (!node.running()) {
                throw new IllegalStateException(
                        node.name() + " exited while Kafka was starting; it logged:\n" + node.logTail(15));
            }
        }
    }

    private Properties adminProps() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        return props;
    }

    /** Every node's log directory gets the same fresh cluster id, in this JVM (no JVM start per node). */
    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        for (KafkaNode node : (Iterable<KafkaNode>) Stream.concat(controllers.stream(), brokers.stream())::iterator) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int code;
            try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                code = kafka.tools.StorageTool.execute(
                        new String[] {
                            "format", "-t", clusterId, "-c", node.configFile().toString(), "--ignore-formatted"
                        },
                        out);
            }
            if (code != 0) {
                throw new IllegalStateException("formatting " + node.name() + "'s storage failed: "
                        + output.toString(StandardCharsets.UTF_8).trim());
            }
        }
    }

    private KafkaNode node(int id, KafkaNode.Role role, Map<String, String> props, Path argFile) throws IOException {
        String name = (role == KafkaNode.Role.BROKER ? "broker-" : "controller-") + id;
        Path config = dataDir.resolve(name + ".properties");
        Files.writeString(config, NodeConfig.text(props), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(javaLauncher().toString());
        command.add("@" + argFile);
        // Names the process in ps, so a leftover one is easy to find.
        command.add("-Dleaderlab.kafka.node=" + name);
        command.add(role == KafkaNode.Role.BROKER ? "-Xmx" + options.brokerHeapMb() + "m" : "-Xmx256m");
        command.add(NodeMain.class.getName());
        command.add(config.toString());
        return new KafkaNode(id, role, config, dataDir.resolve(name + ".log"), command);
    }

    /**
     * The {@code java} launcher of the runtime leaderlab itself runs on: a JDK's, or the app bundle's own
     * (jlinked with its launcher kept, see app/pom.xml), so the nodes need no Java installed.
     */
    static Path javaLauncher() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String name : List.of("java", "java.exe")) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name);
            }
        }
        throw new IllegalStateException(
                "cannot start Kafka: this leaderlab's Java runtime has no java launcher in " + bin);
    }

    /**
     * The options every node's JVM shares, as a {@code java @file} argument file: the classpath is
     * leaderlab's own (it holds the kafka_2.13 jars), and the small-JVM flags of stack.md §7.1.
     */
    private static Path writeArgFile(Path dir) throws IOException {
        String classpath = System.getProperty("java.class.path").replace("\\", "\\\\");
        List<String> lines = List.of(
                "-cp",
                "\"" + classpath + "\"",
                "-Xms128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1",
                "-XX:-UsePerfData",
                "-Xss512k",
                "-Djava.awt.headless=true",
                // Kafka logs warnings and errors to the node's log file (stdout is redirected there).
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.logFile=System.out");
        Path file = dir.resolve("jvm.args");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the Kafka cluster has been stopped");
        }
    }

    /**
     * Deletes the data directories of clusters whose leaderlab died without cleaning up (a {@code kill -9}
     * runs no shutdown hook; its nodes halted by themselves, but their files stay).
     */
    static void sweepOrphanedDataDirs() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            dirs.filter(dir -> dir.getFileName().toString().startsWith(DIR_PREFIX))
                    .filter(LocalKafka::ownerIsGone)
                    .forEach(LocalKafka::deleteTree);
        } catch (IOException e) {
            // Nothing to sweep, or nothing readable: the next start tries again.
        }
    }

    private static boolean ownerIsGone(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            // No owner written yet (a cluster being created right now), or not ours: leave it.
            return false;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Best effort: a file Kafka still wrote while it died is left in the temp directory.
        }
    }
}
