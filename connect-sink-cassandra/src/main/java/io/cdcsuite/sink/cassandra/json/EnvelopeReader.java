package io.cdcsuite.sink.cassandra.json;

import java.io.IOException;

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
 */
final class EnvelopeReader {
    private static final String SCHEMA = "schema";
    private static final String PAYLOAD = "payload";

    private final JsonFactory factory = new JsonFactory();
    private final SchemaCache schemas;
    private final PayloadReader payloadReader;

    EnvelopeReader(SchemaCache schemas, PayloadReader payloadReader) {
        this.schemas = schemas;
        this.payloadReader = payloadReader;
    }

    SchemaAndValue read(byte[] document) throws IOException, NotHandled {
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
            Schema schema = schemas.get(text);
            if (schema == null) {
                throw new SchemaMiss(text);
            }
            expectField(parser, PAYLOAD, "\"payload\" does not follow the schema");
            parser.nextToken();
            Object payload = payloadReader.read(parser, schema);
            expect(parser.nextToken() == JsonToken.END_OBJECT, "more fields than schema and payload");
            return new SchemaAndValue(schema, payload);
        }
    }

    void remember(SchemaMiss miss, Schema schema) {
        schemas.put(miss.schemaText(), schema);
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
