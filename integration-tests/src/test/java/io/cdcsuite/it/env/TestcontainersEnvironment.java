package io.cdcsuite.it.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.cdcsuite.stack.ConnectRestClient;
import io.cdcsuite.stack.ConnectWorker;
import io.cdcsuite.stack.MySqlServer;
import io.cdcsuite.stack.StackLayout;
import org.testcontainers.cassandra.CassandraContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The same servers as containers on one network: MySQL 8.4 with the binlog, Kafka (KRaft), Cassandra 5.0 and a
 * Connect worker (the apache/kafka image) whose plugin.path holds our packaged plugins and Debezium's.
 * Images are overridable with {@code -Dit.image.mysql}, {@code -Dit.image.kafka}, {@code -Dit.image.cassandra}.
 */
final class TestcontainersEnvironment implements TestEnvironment {
    private static final String PLUGIN_PATH = "/opt/connect/plugins";
    private static final int CONNECT_PORT = 8083;
    private static final int CQL_PORT = 9042;

    private final Network network = Network.newNetwork();
    private final MySQLContainer mysql;
    private final KafkaContainer kafka;
    private final CassandraContainer cassandra;
    private final GenericContainer<?> connect;
    private String connectUrl;
    /** The CQL address from the test JVM; changes when a restarted container gets another host port. */
    private InetSocketAddress cassandraAddress;

    TestcontainersEnvironment(List<Path> pluginDirs) {
        mysql = new MySQLContainer(image("mysql", "mysql:8.4"))
                .withNetwork(network).withNetworkAliases("mysql")
                .withCommand("--server-id=1", "--log-bin=mysql-bin", "--binlog-format=ROW", "--gtid-mode=ON",
                        "--enforce-gtid-consistency=ON", "--mysql-native-password=ON");
        kafka = new KafkaContainer(image("kafka", "apache/kafka:4.1.1"))
                .withNetwork(network).withNetworkAliases("kafka")
                .withListener("kafka:19092");
        cassandra = new CassandraContainer(image("cassandra", "cassandra:5.0"))
                .withNetwork(network).withNetworkAliases("cassandra");
        connect = connectWorker(pluginDirs);
        mysql.start();
        kafka.start();
        cassandra.start();
        cassandraAddress = cassandra.getContactPoint();
        createCdcUser();
        connect.start();
        connectUrl = connectUrl();
    }

    private GenericContainer<?> connectWorker(List<Path> pluginDirs) {
        Path config = workerConfig();
        GenericContainer<?> worker = new GenericContainer<>(image("kafka", "apache/kafka:4.1.1"))
                .withNetwork(network).withNetworkAliases("connect")
                .withExposedPorts(CONNECT_PORT)
                .withWorkingDirectory("/opt/connect")
                .withEnv(Map.of(
                        "CDC_MYSQL_HOST", "mysql", "CDC_MYSQL_PORT", "3306", "CDC_MYSQL_USER", MySqlServer.CDC_USER,
                        "CDC_KAFKA_BOOTSTRAP", "kafka:19092",
                        "CDC_CASSANDRA_HOST", "cassandra", "CDC_CASSANDRA_PORT", "9042",
                        "CDC_CASSANDRA_DC", "datacenter1"))
                .withCopyFileToContainer(MountableFile.forHostPath(config), "/opt/connect/worker.properties")
                .withCopyToContainer(Transferable.of(
                        "mysql.password=" + MySqlServer.CDC_PASSWORD + "\n"), "/opt/connect/secrets/cdc.properties")
                .withCommand("/opt/kafka/bin/connect-distributed.sh", "/opt/connect/worker.properties")
                .waitingFor(Wait.forHttp("/connectors").forPort(CONNECT_PORT)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        for (Path plugin : pluginDirs) {
            worker.withCopyFileToContainer(MountableFile.forHostPath(plugin), PLUGIN_PATH + "/" + plugin.getFileName());
        }
        worker.withCopyFileToContainer(MountableFile.forHostPath(StackLayout.locate().debeziumPlugin()),
                PLUGIN_PATH + "/debezium-connector-mysql");
        return worker;
    }

    private static Path workerConfig() {
        try {
            Path file = Files.createTempFile("connect-worker", ".properties");
            return ConnectWorker.writeConfig(file, "kafka:19092", CONNECT_PORT, PLUGIN_PATH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createCdcUser() {
        try (Connection connection = mysqlRoot(null); Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS '" + MySqlServer.CDC_USER + "'@'%' IDENTIFIED WITH "
                    + "mysql_native_password BY '" + MySqlServer.CDC_PASSWORD + "'");
            statement.execute("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '"
                    + MySqlServer.CDC_USER + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("creating the cdc user in the MySQL container", e);
        }
    }

    private static DockerImageName image(String part, String fallback) {
        return DockerImageName.parse(System.getProperty("it.image." + part, fallback));
    }

    @Override
    public String name() {
        return "Testcontainers";
    }

    @Override
    public Connection mysqlRoot(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/"
                + (database == null ? "" : database) + "?useSSL=false&allowPublicKeyRetrieval=true", "root",
                mysql.getPassword());
    }

    @Override
    public String kafkaBootstrap() {
        return kafka.getBootstrapServers();
    }

    @Override
    public ConnectRestClient connect() {
        return new ConnectRestClient(connectUrl);
    }

    private String connectUrl() {
        InetSocketAddress address = hostAddress(connect, CONNECT_PORT);
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    /** Asks Docker, not the container's cached info: a restarted container may have another host port. */
    private static InetSocketAddress hostAddress(GenericContainer<?> container, int containerPort) {
        Ports.Binding[] bindings = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec()
                .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(containerPort));
        return new InetSocketAddress(container.getHost(), Integer.parseInt(bindings[0].getHostPortSpec()));
    }

    @Override
    public void killConnectWorker() {
        connect.getDockerClient().killContainerCmd(connect.getContainerId()).withSignal("KILL").exec();
    }

    @Override
    public void startConnectWorker() {
        connect.getDockerClient().startContainerCmd(connect.getContainerId()).exec();
        connectUrl = connectUrl();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!connect().isReady()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the restarted Connect container did not answer within 3 minutes");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the Connect container restarts", e);
            }
        }
    }

    @Override
    public CqlSession cassandra() {
        return CqlSession.builder().addContactPoint(cassandraAddress)
                .withLocalDatacenter(cassandra.getLocalDatacenter()).build();
    }

    @Override
    public ConnectView connectView() {
        return new ConnectView("mysql", 3306, MySqlServer.CDC_USER, MySqlServer.CDC_PASSWORD, "kafka:19092",
                "cassandra", CQL_PORT, "datacenter1");
    }

    /** docker stop: unlike {@code GenericContainer.stop()} it keeps the container, its data and network alias. */
    @Override
    public void stopCassandra() {
        cassandra.getDockerClient().stopContainerCmd(cassandra.getContainerId()).exec();
    }

    @Override
    public void startCassandra() {
        cassandra.getDockerClient().startContainerCmd(cassandra.getContainerId()).exec();
        cassandraAddress = hostAddress(cassandra, CQL_PORT);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try (CqlSession session = cassandra()) {
                session.execute("SELECT release_version FROM system.local");
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cassandra container did not answer CQL within 3 minutes", notYet);
                }
            }
        }
    }

    @Override
    public void close() {
        connect.stop();
        cassandra.stop();
        kafka.stop();
        mysql.stop();
        network.close();
    }
}
