package io.cdcsuite.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.stack.ConnectorConfigs;
import io.cdcsuite.stack.SqlScript;
import io.cdcsuite.stack.StackLayout;

/**
 * The demo's configuration as shipped in {@code config/}: the sink configs of {@code connectors/} and the MySQL
 * schemas of {@code mysql/}, with the demo's database and keyspace names replaced by a scenario's, so that the tests
 * prove the files users run.
 */
public final class DemoAggregates {
    public static final Path CONFIG = StackLayout.locate().projectDir().resolve("config");
    /** The binlog path's aggregates (base tables off). */
    public static final Path SINK = CONFIG.resolve("connectors/30-cassandra-aggregates-demo.json");
    /** The binlog path's base tables. */
    public static final Path BASE_SINK = CONFIG.resolve("connectors/30-cassandra-sink-demo.json");
    /** The polling path's base tables and aggregates. */
    public static final Path POLLING_SINK = CONFIG.resolve("connectors/40-cassandra-polling-demo.json");
    public static final Path POLLING_SOURCE = CONFIG.resolve("connectors/20-timestamp-mysql-demo.json");
    public static final Path SHOP_SCHEMA = CONFIG.resolve("mysql/01-demo-shop.sql");
    public static final Path TRACKING_SCHEMA = CONFIG.resolve("mysql/02-seed-tracking.sql");

    private DemoAggregates() {
    }

    /**
     * The statement of a demo sink's {@code aggregates} that reads {@code source} (as the file names it, e.g.
     * {@code shop.orders}), every {@code name.} qualifier of {@code renames} replaced.
     */
    public static String statement(Path sinkFile, String source, Map<String, String> renames) {
        String aggregates = ConnectorConfigs.read(sinkFile).get("aggregates");
        List<String> matching = Arrays.stream(aggregates.split(";"))
                .filter(statement -> statement.contains(" FROM " + source + " "))
                .toList();
        if (matching.size() != 1) {
            throw new IllegalStateException(sinkFile + " has " + matching.size() + " aggregates over " + source);
        }
        String statement = matching.get(0).strip();
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            statement = statement.replaceAll("\\b" + Pattern.quote(rename.getKey()) + "\\.",
                    Matcher.quoteReplacement(rename.getValue() + "."));
        }
        return statement;
    }

    /**
     * A demo sink config with the scenario's connector name, topics, Cassandra address and aggregates (none: null);
     * its other keys (table names, soft deletes, consumer settings, base tables on or off, replication) as shipped.
     */
    public static Map<String, String> sinkConfig(TestEnvironment env, Path sinkFile, String name, String topics,
                                                 String aggregates) {
        TestEnvironment.ConnectView view = env.connectView();
        Map<String, String> config = new LinkedHashMap<>(ConnectorConfigs.read(sinkFile));
        config.put("name", name);
        config.put("topics", topics);
        config.put("contact.points", view.cassandraHost() + ":" + view.cassandraPort());
        config.put("local.datacenter", view.cassandraDatacenter());
        if (aggregates != null) {
            config.put("aggregates", aggregates);
        }
        return config;
    }

    /** Runs a schema file of {@code config/mysql/} with its database {@code demoDatabase} renamed. */
    public static void createSchema(TestEnvironment env, Path file, String demoDatabase, String database) {
        String script;
        try {
            script = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String renamed = script.replaceAll("\\b" + Pattern.quote(demoDatabase) + "\\b", Matcher.quoteReplacement(database));
        MySql.execute(env, SqlScript.statements(renamed).toArray(String[]::new));
    }
}
