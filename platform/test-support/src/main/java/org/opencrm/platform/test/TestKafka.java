package org.opencrm.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one real Kafka broker of a test JVM: a single KRaft node (broker and controller) running in-process,
 * started on first use and ending with the JVM.
 * <p>
 * It can be stopped and started again on the same port with its data intact, which is how tests take
 * Kafka away from a running service. With {@code CRM_TEST_DOCKER=true} and a Docker engine it is a
 * Testcontainers Kafka instead (which cannot be stopped and restarted in place).
 */
public final class TestKafka {

    private static TestKafka instance;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final KafkaContainer container;
    private KafkaRaftServer server;

    private TestKafka(KafkaContainer container) {
        this.container = container;
        this.dataDir = null;
        this.port = -1;
        this.controllerPort = -1;
    }

    private TestKafka() {
        try {
            // under the module's target/ (the test JVM's working directory), so `mvn clean` removes it
            Path target = Path.of("target");
            this.dataDir = Files.createTempDirectory(Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir")),
                    "test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = freePort();
        this.controllerPort = freePort();
        this.container = null;
        format();
    }

    /** The broker of this test JVM, started if it is not running yet. */
    public static synchronized TestKafka get() {
        if (instance == null) {
            if (TestEnvironment.useDocker()) {
                var container = new KafkaContainer("apache/kafka-native:4.1.2");
                container.start();
                instance = new TestKafka(container);
            } else {
                // no shutdown hook: the broker must outlive the Spring contexts closing at JVM exit, whose
                // Kafka clients would otherwise wait for a broker that is gone; it dies with the JVM
                instance = new TestKafka();
                instance.start();
            }
        }
        return instance;
    }

    /** The bootstrap servers to give clients. */
    public String bootstrapServers() {
        return container != null ? container.getBootstrapServers() : "127.0.0.1:" + port;
    }

    /** Starts the broker (again), on the same port and with the same data as before. */
    public synchronized void start() {
        requireInProcess();
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(new KafkaConfig(config(), false), Time.SYSTEM);
        server.startup();
    }

    /** Stops the broker as a crash of the Kafka host would look to clients; {@link #start()} brings it back. */
    public synchronized void stop() {
        if (container != null || server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return container != null || server != null;
    }

    private void requireInProcess() {
        if (container != null) {
            throw new IllegalStateException("A Testcontainers Kafka cannot be stopped and started in place");
        }
    }

    private Properties config() {
        var props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("log.flush.interval.messages", "1");
        return props;
    }

    private void format() {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the test broker's storage in " + dataDir, e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
