package io.cdcsuite.it.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.TableState;
import io.cdcsuite.it.support.TimestampSourceConfigs;
import io.cdcsuite.it.support.TopicReader;
import io.cdcsuite.it.support.TopicReader.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The upper bound and the re-scan window on the real database clock: a TIMESTAMP(0) row written many times within
 * each second is never read before its second has ended, and a transaction that commits after the connector has
 * passed its rows' timestamp is caught by the re-scan window and, as the README documents, missed without one.
 */
@ExtendWith(StackExtension.class)
class TimestampBoundsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int BURSTS = 3;
    private static final BigDecimal BURST_LENGTH = new BigDecimal("0.6");
    private static final List<String> KEY = List.of("id");

    @Test
    void secondPrecisionRowsUpdatedManyTimesWithinASecondAreReadOnlyInTheirLastStateOfThatSecond(TestEnvironment env)
            throws SQLException, InterruptedException {
        Scenario scenario = Scenario.named("tstick");
        String db = scenario.database();
        String topic = scenario.topic("ticks");
        MySql.execute(env, "CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".ticks (id INT NOT NULL PRIMARY KEY, counter INT NOT NULL, "
                        + "last_updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, "
                        + "INDEX changes (last_updated))",
                "INSERT INTO " + db + ".ticks (id, counter, last_updated) VALUES "
                        + "(1, 0, NOW() - INTERVAL 1 MINUTE), (2, 0, NOW() - INTERVAL 1 MINUTE)");
        String connector = scenario.connector("ts");
        Map<String, String> config = TimestampSourceConfigs.mysql(env, scenario, connector, scenario.topicPrefix(),
                "ticks");
        // no lag and fast polls: only the upper bound's tick rule keeps the connector out of the current second
        config.put("commit.lag.ms", "0");
        config.put("poll.interval.ms", "50");

        try (ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            connectors.start(connector, config, 1, TIMEOUT);
            // the snapshot
            TopicReader.readUntil(env.kafkaBootstrap(), topic, TIMEOUT, read -> read.size() >= 2);
            Map<Long, Integer> lastCounterPerSecond = updateInBursts(env, db);
            List<Message> messages = TableState.awaitTopicEquals(env, topic,
                    TableState.fromMySql(env, db, "ticks", KEY), TIMEOUT);

            // a reader of the unfinished second would emit a counter that later writes of that second exceeded
            List<Message> changes = messages.stream()
                    .filter(m -> "u".equals(m.op()) && m.keyPayload().path("id").asInt() == 1)
                    .toList();
            for (Message change : changes) {
                long second = change.payload().path("source").path("ts_ms").asLong() / 1000;
                assertThat(change.payload().path("after").path("counter").asInt())
                        .as("row 1 as read for second %s (last counters per second: %s)", second, lastCounterPerSecond)
                        .isEqualTo(lastCounterPerSecond.get(second));
            }
            assertThat(changes).extracting(m -> m.payload().path("source").path("ts_ms").asLong())
                    .as("one record per second at most").doesNotHaveDuplicates();
        }
    }

    @Test
    void aLateCommitIsCapturedInsideTheRescanWindowAndMissedWithoutOne(TestEnvironment env) throws SQLException {
        Scenario scenario = Scenario.named("tslate");
        String db = scenario.database();
        List<String> tables = List.of("with_rescan", "without_rescan");
        MySql.execute(env, "CREATE DATABASE " + db);
        for (String table : tables) {
            MySql.execute(env,
                    "CREATE TABLE " + db + "." + table + " (id INT NOT NULL PRIMARY KEY, note VARCHAR(20) NOT NULL, "
                            + "last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) "
                            + "ON UPDATE CURRENT_TIMESTAMP(3), INDEX changes (last_updated))",
                    "INSERT INTO " + db + "." + table + " (id, note, last_updated) VALUES "
                            + "(1, 'initial', NOW(3) - INTERVAL 1 MINUTE), (2, 'initial', NOW(3) - INTERVAL 1 MINUTE), "
                            + "(3, 'initial', NOW(3) - INTERVAL 1 MINUTE)");
        }
        long commitLagMs = 1000;
        Map<String, String> withRescan = TimestampSourceConfigs.mysql(env, scenario, scenario.connector("rescan"),
                scenario.topicPrefix(), "with_rescan");
        withRescan.put("commit.lag.ms", Long.toString(commitLagMs));
        withRescan.put("rescan.window.ms", "10000");
        Map<String, String> withoutRescan = TimestampSourceConfigs.mysql(env, scenario, scenario.connector("plain"),
                scenario.topicPrefix(), "without_rescan");
        withoutRescan.put("commit.lag.ms", Long.toString(commitLagMs));
        withoutRescan.put("rescan.window.ms", "0");

        try (ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            connectors.start(scenario.connector("rescan"), withRescan, 1, TIMEOUT);
            connectors.start(scenario.connector("plain"), withoutRescan, 1, TIMEOUT);
            for (String table : tables) {
                TopicReader.readUntil(env.kafkaBootstrap(), scenario.topic(table), TIMEOUT, read -> read.size() >= 3);
            }

            try (Connection late = env.mysqlRoot(db); Statement statement = late.createStatement()) {
                late.setAutoCommit(false);
                for (String table : tables) {
                    statement.executeUpdate("UPDATE " + table + " SET note = 'late' WHERE id = 1");
                }
                BigDecimal lateTimestamp = new BigDecimal(value(statement,
                        "SELECT UNIX_TIMESTAMP(last_updated) FROM with_rescan WHERE id = 1"));
                // a later change commits at once; once both connectors emitted it, they are past the late rows
                for (String table : tables) {
                    MySql.execute(env, "UPDATE " + db + "." + table + " SET note = 'after' WHERE id = 2");
                }
                for (String table : tables) {
                    awaitNote(env, scenario.topic(table), 2, "after");
                }
                BigDecimal now = new BigDecimal(value(statement, "SELECT UNIX_TIMESTAMP(NOW(3))"));
                assertThat(now.subtract(lateTimestamp).movePointRight(3).longValue())
                        .as("ms between the late rows' timestamp and their commit").isGreaterThan(commitLagMs);
                late.commit();
            }
            for (String table : tables) {
                MySql.execute(env, "UPDATE " + db + "." + table + " SET note = 'marker' WHERE id = 3");
            }

            // inside the re-scan window: captured, once
            List<Message> rescanned = TableState.awaitTopicEquals(env, scenario.topic("with_rescan"),
                    TableState.fromMySql(env, db, "with_rescan", KEY), TIMEOUT);
            assertThat(notes(rescanned, 1)).containsExactly("initial", "late");
            // later re-scans emit nothing again: rows are emitted only in states not emitted before
            MySql.execute(env, "UPDATE " + db + ".with_rescan SET note = 'marker2' WHERE id = 3");
            List<Message> later = awaitNote(env, scenario.topic("with_rescan"), 3, "marker2");
            assertThat(notes(later, 1)).containsExactly("initial", "late");
            assertThat(notes(later, 2)).containsExactly("initial", "after");
            assertThat(notes(later, 3)).containsExactly("initial", "marker", "marker2");

            // without it: "a transaction that commits later than [commit.lag.ms], after the connector's position has
            // passed its timestamp, is missed"
            List<Message> plain = awaitNote(env, scenario.topic("without_rescan"), 3, "marker");
            assertThat(notes(plain, 1)).containsExactly("initial");
            TableState table = TableState.fromMySql(env, db, "without_rescan", KEY);
            assertThat(table.row("1").get("note")).isEqualTo("late");
            assertThat(TableState.fromTopic(plain, KEY).differencesFrom(table)).singleElement().asString()
                    .startsWith("key [1]: ").contains("note=initial (expected late)");
        }
    }

    /**
     * Three rounds on the database clock: every row is updated every ~25 ms during the first 600 ms of a second (all
     * those writes share its TIMESTAMP(0) value), then left alone until two seconds later, so that the connector
     * can read the second's final state after it ended. Returns row 1's last counter in each second.
     */
    private static Map<Long, Integer> updateInBursts(TestEnvironment env, String db)
            throws SQLException, InterruptedException {
        Map<Long, Integer> lastCounterPerSecond = new TreeMap<>();
        try (Connection connection = env.mysqlRoot(db); Statement statement = connection.createStatement()) {
            long first = dbClock(statement).longValue() + 1;
            for (int round = 0; round < BURSTS; round++) {
                long second = first + 2L * round;
                BigDecimal burstEnd = BigDecimal.valueOf(second).add(BURST_LENGTH);
                while (dbClock(statement).compareTo(BigDecimal.valueOf(second)) < 0) {
                    Thread.sleep(10);
                }
                while (dbClock(statement).compareTo(burstEnd) < 0) {
                    statement.executeUpdate("UPDATE ticks SET counter = counter + 1");
                    try (ResultSet rs = statement.executeQuery(
                            "SELECT counter, UNIX_TIMESTAMP(last_updated) FROM ticks WHERE id = 1")) {
                        rs.next();
                        lastCounterPerSecond.put(rs.getLong(2), rs.getInt(1));
                    }
                    Thread.sleep(25);
                }
            }
        }
        return lastCounterPerSecond;
    }

    /** The database's clock in seconds since the epoch, with milliseconds. */
    private static BigDecimal dbClock(Statement statement) throws SQLException {
        return new BigDecimal(value(statement, "SELECT UNIX_TIMESTAMP(NOW(3))"));
    }

    private static List<Message> awaitNote(TestEnvironment env, String topic, int id, String note) {
        return TopicReader.readUntil(env.kafkaBootstrap(), topic, TIMEOUT,
                read -> notes(read, id).contains(note));
    }

    /** The notes of a row's records in topic order. */
    private static List<String> notes(List<Message> messages, int id) {
        return messages.stream()
                .filter(m -> !m.isTombstone() && m.keyPayload().path("id").asInt() == id)
                .map(m -> m.payload().path("after").path("note").asText())
                .toList();
    }

    private static String value(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
