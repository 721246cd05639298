package io.cdcsuite.stack;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

/** A single Cassandra 5.0 node, on a JDK 11/17 (Cassandra 5.0 runs on nothing newer). */
public final class CassandraNode {
    public static final String NAME = "cassandra";
    public static final String LOCAL_DATACENTER = "datacenter1";

    /** The JPMS flags of Cassandra's conf/jvm17-server.options: without them it fails at start on Java 17. */
    private static final List<String> JVM17_OPTIONS = List.of(
            "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxTenuringThreshold=1", "-XX:G1HeapRegionSize=16m",
            "-XX:G1RSetUpdatingPauseTimePercent=5", "-XX:MaxGCPauseMillis=300",
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dio.netty.allocator.useCacheForAllThreads=true",
            "-Dio.netty.allocator.maxOrder=11");

    private final StackLayout layout;
    private final Path dir;
    private final Path pidDir;
    private final int nativePort;
    private final int storagePort;
    private ManagedProcess process;

    CassandraNode(StackLayout layout, Path dir, Path pidDir, int nativePort, int storagePort) {
        this.layout = layout;
        this.dir = dir;
        this.pidDir = pidDir;
        this.nativePort = nativePort;
        this.storagePort = storagePort;
    }

    public int port() {
        return nativePort;
    }

    public String contactPoint() {
        return "127.0.0.1:" + nativePort;
    }

    public ManagedProcess process() {
        return process;
    }

    /** A driver session for tests and health checks; the caller closes it. */
    public CqlSession session() {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", nativePort))
                .withLocalDatacenter(LOCAL_DATACENTER)
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
                        .build())
                .build();
    }

    boolean attach() {
        process = ManagedProcess.attach(NAME, log(), pidDir).orElse(null);
        return process != null && isHealthy();
    }

    /** Starts the node (again, after {@link #stop()}: outage tests) on the same ports and data. */
    public void start() {
        Path config = Resources.render("cassandra/cassandra.yaml", dir.resolve("conf/cassandra.yaml"), Map.of(
                "dir", dir, "nativePort", nativePort, "storagePort", storagePort));
        Path logback = Resources.render("cassandra/logback.xml", dir.resolve("conf/logback.xml"), Map.of());
        Path lib = layout.cassandraLib();
        Path jamm = lib.resolve("jamm-0.4.0.jar");
        process = ManagedProcess.start(NAME,
                new JavaCommand(JdkLocator.javaForCassandra())
                        .heap("1g").option("-Xmn256m").option("-Xss512k")
                        .options(JVM17_OPTIONS)
                        .option("-javaagent:" + jamm)
                        .property("cassandra-foreground", "yes")
                        .property("cassandra.config", config.toUri())
                        .property("cassandra.storagedir", dir.resolve("data"))
                        .property("cassandra.logdir", dir.resolve("logs"))
                        .property("logback.configurationFile", logback)
                        .property("cassandra.skip_wait_for_gossip_to_settle", 0)
                        .property("cassandra.ring_delay_ms", 1000)
                        .property("java.net.preferIPv4Stack", true)
                        .main(lib, "org.apache.cassandra.service.CassandraDaemon"),
                dir, log(), Map.of(), pidDir);
        Await.healthy(process, Duration.ofSeconds(180), () -> Await.portOpen(nativePort) && isHealthy());
    }

    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
        }
    }

    private Path log() {
        return dir.resolve("cassandra.log");
    }

    private boolean isHealthy() {
        try (CqlSession session = session()) {
            return session.execute("SELECT release_version FROM system.local").one() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
