package io.cdcsuite.source.timestamp;

import org.junit.jupiter.api.Test;

import io.cdcsuite.common.config.ConfigDocMarkdown;
import io.cdcsuite.common.testing.ConfigDocFile;

/** The committed config reference must match the ConfigDef; {@code -Dconfig.docs.update=true} regenerates it. */
class ConfigDocTest {
    static final String OVERVIEW = """
            Connector class: `io.cdcsuite.source.timestamp.TimestampSourceConnector`. A timestamp-polling MySQL source \
            that emits Debezium-compatible change events keyed by primary key. What each setting guarantees, the \
            record format, offsets and metrics are described in the module's README \
            (`connect-source-timestamp/README.md`). Hard deletes are not captured; see `soft.delete.column`.""";

    @Test
    void configReferenceIsCurrent() {
        ConfigDocFile.assertCurrent(ConfigDocFile.forPlugin("connect-source-timestamp"),
                ConfigDocMarkdown.render("Timestamp-polling MySQL source", OVERVIEW, TimestampSourceConfig.CONFIG_DEF));
    }
}
