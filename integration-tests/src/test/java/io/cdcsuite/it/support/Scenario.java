package io.cdcsuite.it.support;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names that isolate one scenario on the shared stack: its own MySQL database, Kafka topic prefix, connector
 * names and Cassandra keyspace, so scenarios never see each other's data.
 */
public final class Scenario {
    private final String id;

    private Scenario(String id) {
        this.id = id;
    }

    /** {@code label} is a short lowercase word naming the scenario, e.g. {@code dbz}. */
    public static Scenario named(String label) {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
        return new Scenario((label + "_" + suffix).toLowerCase(Locale.ROOT));
    }

    public String database() {
        return "it_" + id;
    }

    public String keyspace() {
        return "it_" + id;
    }

    public String topicPrefix() {
        return "it-" + id.replace('_', '-');
    }

    public String connector(String role) {
        return topicPrefix() + "-" + role;
    }

    /** {@code <prefix>.<db>.<table>}: the topic both capture paths write a table's changes to. */
    public String topic(String table) {
        return topicPrefix() + "." + database() + "." + table;
    }

    /** A MySQL server id no other Debezium connector of the run uses. */
    public int serverId() {
        return 10_000 + Math.floorMod(id.hashCode(), 1_000_000);
    }
}
