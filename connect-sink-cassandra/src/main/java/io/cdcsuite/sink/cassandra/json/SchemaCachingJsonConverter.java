package io.cdcsuite.sink.cassandra.json;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.sink.cassandra.Version;

/**
 * A drop-in replacement for Kafka's {@link JsonConverter} that reads {@code schemas.enable=true} records
 * without building a JSON tree: the schema object of each record is looked up by its exact bytes in a cache
 * of Connect schemas (at most {@code schemas.cache.size} of them) and the payload is converted straight from
 * Jackson's token stream. It takes JsonConverter's keys and gives the same schemas and values, including
 * {@code replace.null.with.default} and either {@code decimal.format}: a schema not seen before, and
 * every record the fast path does not read with certainty (another layout, a token JsonConverter would
 * coerce, malformed JSON...), is read by a JsonConverter configured the same way. Writing
 * ({@code fromConnectData}) is JsonConverter's. Like JsonConverter it also serves as a header converter.
 */
public class SchemaCachingJsonConverter implements Converter, HeaderConverter, Versioned {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaCachingJsonConverter.class);

    private final JsonConverter jsonConverter = new JsonConverter();
    /** null when the configuration leaves no envelope to read (schemas.enable=false, schema.content). */
    private EnvelopeReader reader;
    private long fallbacks;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public ConfigDef config() {
        return jsonConverter.config();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> typed = new HashMap<>(configs);
        typed.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        configure(typed);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        jsonConverter.configure(configs);
        JsonConverterConfig config = new JsonConverterConfig(configs);
        boolean envelopes = config.schemasEnabled() && config.schemaContent() == null;
        reader = envelopes ? new EnvelopeReader(config.schemaCacheSize(),
                new PayloadReader(config.replaceNullWithDefault())) : null;
        LOG.debug("Schema-caching JSON reads {}", envelopes ? "on" : "off (no schema envelopes to read)");
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (reader == null || value == null) {
            return jsonConverter.toConnectData(topic, value);
        }
        try {
            return reader.read(value);
        } catch (SchemaMiss miss) {
            SchemaAndValue data = jsonConverter.toConnectData(topic, value);
            if (data.schema() != null) {
                reader.remember(miss, data.schema());
            }
            return data;
        } catch (NotHandled | IOException | RuntimeException notRead) {
            fallbacks++;
            LOG.debug("Record of topic {} read by JsonConverter: {}", topic, notRead.toString());
            return jsonConverter.toConnectData(topic, value);
        }
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return jsonConverter.fromConnectData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return jsonConverter.fromConnectHeader(topic, headerKey, schema, value);
    }

    @Override
    public void close() {
        jsonConverter.close();
    }

    /** Payloads read straight from their bytes (see {@link PayloadScanner}). */
    long scanned() {
        return reader == null ? 0 : reader.scanned();
    }

    /** Records (other than those with a schema not cached yet) that JsonConverter had to read. */
    long fallbacks() {
        return fallbacks;
    }
}
