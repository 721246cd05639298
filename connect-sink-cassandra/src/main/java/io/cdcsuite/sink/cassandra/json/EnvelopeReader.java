package io.cdcsuite.sink.cassandra.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a {@code {"schema": {…}, "payload": …}} document in one pass of Jackson's streaming parser. The
 * schema object is only skipped over: its bytes are the key of the schema cache, so a known schema costs
 * no tree and no Connect schema building. Any other layout (payload first, a third field, a schema that is
 * not an object, text that is not UTF-8) throws {@link NotHandled}; an unknown schema throws
 * {@link SchemaMiss}.
 *
 * <p>Records in JsonConverter's own compact layout whose schema is one of the last few read skip even that
 * scan: their bytes are compared with the known schema texts in place, and only the payload is read, by
 * {@link PayloadScanner} straight from the bytes where it can.
 */
final class EnvelopeReader {
    private static final String SCHEMA = "schema";
    private static final String PAYLOAD = "payload";
    private static final byte[] COMPACT_HEAD = "{\"schema\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMPACT_MIDDLE = ",\"payload\":".getBytes(StandardCharsets.UTF_8);
    /** Schemas compared in place before the scan: enough for the tables of one topic, few enough to stay cheap. */
    private static final int RECENT_SCHEMAS = 4;

    private final JsonFactory factory = new JsonFactory();
    private final SchemaCache<Known> schemas;
    private final PayloadReader payloadReader;
    private final PayloadScanner payloadScanner;
    /** Payloads read by the scanner rather than the parser (tests check that the scanner does its part). */
    private long scanned;
    /** Most recently read first; replaced as a whole, never changed in place. */
    private volatile Known[] recent = new Known[0];

    /** A schema text with its Connect schema, and how to scan its payloads (worked out once per cached schema). */
    private record Known(byte[] text, Schema schema, PayloadScanner.Plan plan) {
    }

    /** @param schemaCacheSize how many schema texts are kept */
    EnvelopeReader(int schemaCacheSize, PayloadReader payloadReader) {
        this.schemas = new SchemaCache<>(schemaCacheSize);
        this.payloadReader = payloadReader;
        this.payloadScanner = new PayloadScanner(payloadReader);
    }

    SchemaAndValue read(byte[] document) throws IOException, NotHandled {
        SchemaAndValue compact = readCompact(document);
        return compact != null ? compact : readScanning(document);
    }

    /**
     * A record in the compact layout with a recently read schema, else null. The schema bytes equal a complete
     * JSON object, so they frame the same object the scan would.
     */
    private SchemaAndValue readCompact(byte[] document) throws IOException, NotHandled {
        int schemaFrom = COMPACT_HEAD.length;
        if (document.length < schemaFrom || !Arrays.equals(document, 0, schemaFrom, COMPACT_HEAD, 0, schemaFrom)
                || document[document.length - 1] != '}') {
            return null;
        }
        Known[] candidates = recent;
        for (int i = 0; i < candidates.length; i++) {
            byte[] text = candidates[i].text();
            int payloadFrom = schemaFrom + text.length + COMPACT_MIDDLE.length;
            if (payloadFrom < document.length
                    && Arrays.equals(document, schemaFrom, schemaFrom + text.length, text, 0, text.length)
                    && Arrays.equals(document, schemaFrom + text.length, payloadFrom, COMPACT_MIDDLE, 0,
                    COMPACT_MIDDLE.length)) {
                if (i > 0) {
                    remember(candidates[i]);
                }
                return new SchemaAndValue(candidates[i].schema(), readPayload(document, payloadFrom, candidates[i]));
            }
        }
        return null;
    }

    /**
     * The payload in {@code [from, length - 1)}: one JSON value and nothing after it (the last byte is '}'). Scanned
     * when laid out as JsonConverter writes it, which is nearly always; else parsed.
     */
    private Object readPayload(byte[] document, int from, Known known) throws IOException, NotHandled {
        try {
            Object payload = payloadScanner.scan(document, from, document.length - 1, known.plan());
            scanned++;
            return payload;
        } catch (PayloadScanner.NotScanned e) {
            // another layout, a collection, malformed text or numbers: the parser reads it
        }
        try (JsonParser parser = factory.createParser(document, from, document.length - 1 - from)) {
            parser.nextToken();
            Object payload = payloadReader.read(parser, known.schema());
            expect(parser.nextToken() == null, "more than one value after \"payload\"");
            return payload;
        }
    }

    private SchemaAndValue readScanning(byte[] document) throws IOException, NotHandled {
        try (JsonParser parser = factory.createParser(document)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            expectField(parser, SCHEMA, "\"schema\" is not the first field");
            expect(parser.nextToken() == JsonToken.START_OBJECT, "schema is not an object");
            int from = byteOffset(parser);
            parser.skipChildren();
            int to = byteOffset(parser) + 1;
            // the offsets must frame the object exactly, or two schemas could share a key
            expect(document[from] == '{' && document[to - 1] == '}', "schema offsets do not frame the object");
            SchemaText text = SchemaText.view(document, from, to);
            Known known = schemas.get(text);
            if (known == null) {
                throw new SchemaMiss(text);
            }
            expectField(parser, PAYLOAD, "\"payload\" does not follow the schema");
            parser.nextToken();
            Object payload = payloadReader.read(parser, known.schema());
            expect(parser.nextToken() == JsonToken.END_OBJECT, "more fields than schema and payload");
            if (compactAround(document, from, to)) {
                remember(known);
            }
            return new SchemaAndValue(known.schema(), payload);
        }
    }

    long scanned() {
        return scanned;
    }

    void remember(SchemaMiss miss, Schema schema) {
        SchemaText text = miss.schemaText();
        schemas.put(text, new Known(text.toBytes(), schema, PayloadScanner.Plan.of(schema)));
    }

    /** True when the schema at {@code [from, to)} sits in the compact layout {@link #readCompact} reads. */
    private static boolean compactAround(byte[] document, int from, int to) {
        return from == COMPACT_HEAD.length && Arrays.equals(document, 0, from, COMPACT_HEAD, 0, from)
                && to + COMPACT_MIDDLE.length <= document.length
                && Arrays.equals(document, to, to + COMPACT_MIDDLE.length, COMPACT_MIDDLE, 0, COMPACT_MIDDLE.length);
    }

    /** Puts a schema first among the recent ones. */
    private void remember(Known known) {
        Known[] current = recent;
        Known[] next = new Known[Math.min(RECENT_SCHEMAS, current.length + 1)];
        next[0] = known;
        int at = 1;
        for (Known other : current) {
            if (at < next.length && other != known && !Arrays.equals(other.text(), known.text())) {
                next[at++] = other;
            }
        }
        recent = at == next.length ? next : Arrays.copyOf(next, at);
    }

    private static void expectField(JsonParser parser, String name, String otherwise)
            throws IOException, NotHandled {
        expect(parser.nextToken() == JsonToken.FIELD_NAME && name.equals(parser.currentName()), otherwise);
    }

    /** -1 when Jackson reads the bytes as another encoding than UTF-8 (it counts chars then). */
    private static int byteOffset(JsonParser parser) throws NotHandled {
        long offset = parser.currentTokenLocation().getByteOffset();
        expect(offset >= 0, "not UTF-8");
        return (int) offset;
    }

    private static void expect(boolean condition, String otherwise) throws NotHandled {
        if (!condition) {
            throw new NotHandled(otherwise);
        }
    }
}
