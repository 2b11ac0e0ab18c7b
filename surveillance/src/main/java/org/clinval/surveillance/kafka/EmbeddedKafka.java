package org.clinval.surveillance.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (one process that is both broker and controller),
 * started in this JVM: the demo's event bus and the tests' broker, with no install. Its log
 * directory is formatted on first start and reused on the next, so a broker restarted on the same
 * folder keeps its topics and records. It listens on loopback only, on free ports chosen at start.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
 *     kafka.createTopic(EventPublisher.EVENTS_TOPIC, 1);
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>The broker logs through slf4j like every library here; this class itself prints nothing (the
 * storage formatter's messages are discarded).
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** The node id of the single broker-and-controller. */
    static final int NODE_ID = 1;

    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Duration startTime;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Duration startTime) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.startTime = startTime;
    }

    /**
     * Starts a broker whose log directory is {@code dataDir} (created and formatted when new) and
     * returns once it answers a client.
     *
     * @throws IOException if the folder cannot be created or formatted, or the broker does not
     *     start within a minute
     */
    public static EmbeddedKafka start(Path dataDir) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(dataDir);
        String logDir = dataDir.toAbsolutePath().toString();
        int brokerPort = freePort();
        int controllerPort = freePort();
        KafkaConfig config = KafkaConfig.fromProps(properties(logDir, brokerPort, controllerPort));
        format(config, logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrap = HOST + ":" + brokerPort;
        try {
            server.startup();
            awaitReady(bootstrap);
        } catch (IOException | RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e instanceof IOException io
                    ? io
                    : new IOException(
                            "the embedded Kafka broker in " + dataDir + " did not start: " + e, e);
        }
        return new EmbeddedKafka(server, bootstrap, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Returns the {@code host:port} clients connect to. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Returns how long {@link #start} took, formatting and readiness wait included. */
    public Duration startTime() {
        return startTime;
    }

    /**
     * Creates a topic of {@code partitions} partitions (replication factor 1); an existing topic of
     * that name is left as it is.
     *
     * @throws IOException if the broker refuses or does not answer
     */
    public void createTopic(String name, int partitions) throws IOException {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions is not positive: " + partitions);
        }
        try (Admin admin = admin(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) return;
            throw new IOException("cannot create topic " + name + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating topic " + name, e);
        }
    }

    /** Stops the broker and waits until it has released its folder and ports. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties properties(String logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.putAll(
                Map.ofEntries(
                        Map.entry("process.roles", "broker,controller"),
                        Map.entry("node.id", Integer.toString(NODE_ID)),
                        // A static quorum of one voter: nothing about the quorum is stored, so a
                        // restart may listen on other ports.
                        Map.entry(
                                "controller.quorum.voters",
                                NODE_ID + "@" + HOST + ":" + controllerPort),
                        Map.entry(
                                "listeners",
                                "PLAINTEXT://"
                                        + HOST
                                        + ":"
                                        + brokerPort
                                        + ",CONTROLLER://"
                                        + HOST
                                        + ":"
                                        + controllerPort),
                        Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort),
                        Map.entry("controller.listener.names", "CONTROLLER"),
                        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                        Map.entry(
                                "listener.security.protocol.map",
                                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                        Map.entry("log.dirs", logDir),
                        // One broker: internal topics of one replica, and few partitions, so the
                        // first consumer group or transaction does not wait for 50 partitions.
                        Map.entry("offsets.topic.replication.factor", "1"),
                        Map.entry("offsets.topic.num.partitions", "1"),
                        Map.entry("transaction.state.log.replication.factor", "1"),
                        Map.entry("transaction.state.log.min.isr", "1"),
                        Map.entry("transaction.state.log.num.partitions", "1"),
                        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                        Map.entry("share.coordinator.state.topic.min.isr", "1"),
                        Map.entry("group.initial.rebalance.delay.ms", "0"),
                        Map.entry("num.partitions", "1"),
                        Map.entry("auto.create.topics.enable", "false")));
        return p;
    }

    /** Formats {@code logDir} for this node unless it already is (a restart on the same folder). */
    private static void format(KafkaConfig config, String logDir) throws IOException {
        Path meta = Path.of(logDir, "meta.properties");
        if (Files.exists(meta)) return; // formatted: the broker checks it as it starts
        try {
            new Formatter()
                    .setPrintStream(
                            new PrintStream(
                                    OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setIgnoreFormatted(false)
                    .addDirectory(logDir)
                    .run();
        } catch (Exception e) {
            throw new IOException("cannot format the Kafka log folder " + logDir + ": " + e, e);
        }
    }

    /** Waits until the broker answers a metadata request with itself in the cluster. */
    private static void awaitReady(String bootstrap) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin(bootstrap)) {
            while (true) {
                Exception last = null;
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) return;
                } catch (ExecutionException e) {
                    last = e;
                }
                // Polled, with a deadline whether the broker refuses or answers without itself.
                if (System.nanoTime() > deadline) {
                    throw new IOException(
                            "the embedded Kafka broker at "
                                    + bootstrap
                                    + " did not answer within "
                                    + READY_TIMEOUT.toSeconds()
                                    + " s"
                                    + (last == null ? "" : ": " + last.getCause()),
                            last);
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the embedded Kafka broker", e);
        }
    }

    static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return Admin.create(p);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
