package io.cdcsuite.sink.cassandra;

import org.junit.jupiter.api.Test;

import io.cdcsuite.common.config.ConfigDocMarkdown;
import io.cdcsuite.common.testing.ConfigDocFile;
import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig;

/** Keeps docs/config/connect-sink-cassandra.md in step with the ConfigDef. */
class ConfigDocTest {
    static final String OVERVIEW = """
            Connector class: `io.cdcsuite.sink.cassandra.CassandraSinkConnector` (a sink connector).

            Writes Debezium-style change events (either capture path), unwrapped rows, tombstones and
            schemaless JSON to Cassandra 5 or Astra DB as upserts and deletes keyed by primary key. Every write
            carries a write timestamp that strictly increases in each partition's offset order and is the same
            on every replay, so redeliveries are harmless and an older change never overwrites a newer one.
            Offsets are committed only for acknowledged writes. See connect-sink-cassandra/README.md for the
            input shapes, the type map and the write timestamp policy.

            Besides the keys below, any key starting with `driver.` is passed to the DataStax Java driver
            with the prefix removed, e.g. `driver.basic.request.timeout=5 seconds` or
            `driver.advanced.connection.pool.local.size=2` (values as in the driver's reference.conf; a list
            is written `[a, b]`). Unknown driver options, and options that have a key of their own here
            (contact points, local datacenter, credentials, TLS, secure connect bundle), are rejected.
            The framework's `errors.tolerance=all` with `errors.deadletterqueue.topic.name` routes records
            that can never be written to the dead-letter queue.
            """;

    @Test
    void configReferenceIsCurrent() {
        ConfigDocFile.assertCurrent(ConfigDocFile.forPlugin("connect-sink-cassandra"),
                ConfigDocMarkdown.render("Cassandra / Astra DB sink", OVERVIEW, CassandraSinkConfig.CONFIG_DEF));
    }
}
