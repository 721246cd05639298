package io.cdcsuite.sink.cassandra.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.TextNode;

import io.cdcsuite.common.data.StructSlots;

/**
 * Converts a payload straight from the token stream against its Connect schema, giving what
 * JsonConverter.toConnectData gives for the same JSON. Only JSON that has one obvious meaning is converted
 * here: a token of another kind than the schema expects (a string for an int32, 1.0 or 2^31 for an int32, a
 * number for a string...), where JsonConverter coerces or fails in its own ways, throws {@link NotHandled}
 * and JsonConverter reads the record. The same goes for a null where the schema allows none.
 */
final class PayloadReader {
    private final boolean replaceNullWithDefault;

    PayloadReader(boolean replaceNullWithDefault) {
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    /** Reads the value starting at the parser's current token and leaves the parser on its last token. */
    Object read(JsonParser parser, Schema schema) throws IOException, NotHandled {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return nullValue(schema);
        }
        // as in JsonConverter, the logical name decides before the type
        String name = schema.name();
        if (name != null) {
            switch (name) {
                case Decimal.LOGICAL_NAME:
                    return decimal(parser, token, schema);
                case Date.LOGICAL_NAME:
                    return Date.toLogical(schema, intValue(parser, token));
                case Time.LOGICAL_NAME:
                    return Time.toLogical(schema, intValue(parser, token));
                case Timestamp.LOGICAL_NAME:
                    return Timestamp.toLogical(schema, longValue(parser, token));
                default:
                    break;
            }
        }
        return switch (schema.type()) {
            case BOOLEAN -> booleanValue(token);
            case INT8 -> (byte) intValue(parser, token);
            case INT16 -> (short) intValue(parser, token);
            case INT32 -> intValue(parser, token);
            case INT64 -> longValue(parser, token);
            // through BigDecimal as JsonConverter's tree does (it keeps "-0.0" as 0.0, for one)
            case FLOAT32 -> numberValue(parser, token).floatValue();
            case FLOAT64 -> numberValue(parser, token).doubleValue();
            case STRING -> text(parser, token);
            case BYTES -> base64(parser, token);
            case ARRAY -> array(parser, token, schema);
            case MAP -> schema.keySchema().type() == Schema.Type.STRING
                    ? objectMap(parser, token, schema) : pairMap(parser, token, schema);
            case STRUCT -> struct(parser, token, schema);
        };
    }

    /** A JSON null or absent field: the default (if so configured), else null if the schema allows it. */
    Object nullValue(Schema schema) throws NotHandled {
        if (replaceNullWithDefault && schema.defaultValue() != null) {
            return schema.defaultValue();
        }
        if (schema.isOptional()) {
            return null;
        }
        throw new NotHandled("null for a required " + schema.type() + " without default");
    }

    private static Object booleanValue(JsonToken token) throws NotHandled {
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        throw unexpected(token, Schema.Type.BOOLEAN);
    }

    private static int intValue(JsonParser parser, JsonToken token) throws IOException, NotHandled {
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        throw unexpected(token, Schema.Type.INT32);
    }

    private static long longValue(JsonParser parser, JsonToken token) throws IOException, NotHandled {
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        throw unexpected(token, Schema.Type.INT64);
    }

    private static Number numberValue(JsonParser parser, JsonToken token) throws IOException, NotHandled {
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        throw unexpected(token, Schema.Type.FLOAT64);
    }

    private static Object decimal(JsonParser parser, JsonToken token, Schema schema) throws IOException, NotHandled {
        // either form is read whatever decimal.format says (that setting only chooses how to write)
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        return Decimal.toLogical(schema, base64(parser, token));
    }

    private static String text(JsonParser parser, JsonToken token) throws IOException, NotHandled {
        if (token != JsonToken.VALUE_STRING) {
            throw unexpected(token, Schema.Type.STRING);
        }
        return parser.getText();
    }

    /** Decoded by Jackson's text node, exactly as JsonConverter's tree decodes it. */
    private static byte[] base64(JsonParser parser, JsonToken token) throws IOException, NotHandled {
        return TextNode.valueOf(text(parser, token)).binaryValue();
    }

    private List<Object> array(JsonParser parser, JsonToken token, Schema schema) throws IOException, NotHandled {
        expectStart(token, JsonToken.START_ARRAY, schema);
        Schema elementSchema = schema.valueSchema();
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(read(parser, elementSchema));
        }
        return list;
    }

    /** A map with string keys is a JSON object; the keys are taken as they are. */
    private Map<Object, Object> objectMap(JsonParser parser, JsonToken token, Schema schema)
            throws IOException, NotHandled {
        expectStart(token, JsonToken.START_OBJECT, schema);
        Schema valueSchema = schema.valueSchema();
        Map<Object, Object> map = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            map.put(key, read(parser, valueSchema));
        }
        return map;
    }

    /** Any other map is a JSON array of [key, value] arrays. */
    private Map<Object, Object> pairMap(JsonParser parser, JsonToken token, Schema schema)
            throws IOException, NotHandled {
        expectStart(token, JsonToken.START_ARRAY, schema);
        Map<Object, Object> map = new HashMap<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expectStart(parser.currentToken(), JsonToken.START_ARRAY, schema);
            parser.nextToken();
            Object key = read(parser, schema.keySchema());
            parser.nextToken();
            Object value = read(parser, schema.valueSchema());
            if (parser.nextToken() != JsonToken.END_ARRAY) {
                throw new NotHandled("a map entry that is not a [key, value] pair");
            }
            map.put(key, value);
        }
        return map;
    }

    /**
     * Fields the schema lacks are skipped; fields the JSON lacks count as null, as in JsonConverter. Every value read
     * here is of its field's schema by construction, so it goes in without Struct.put's validation (which would check
     * a nested struct again in full at every level).
     */
    private Struct struct(JsonParser parser, JsonToken token, Schema schema) throws IOException, NotHandled {
        expectStart(token, JsonToken.START_OBJECT, schema);
        Struct struct = new Struct(schema);
        List<Field> fields = schema.fields();
        // which fields hold a value so far, by index: cheaper than asking the struct by name for each field
        boolean[] holding = new boolean[fields.size()];
        int next = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            // JsonConverter writes the fields in schema order: try the next one before looking the name up
            Field field = next < fields.size() && fields.get(next).name().equals(name) ? fields.get(next)
                    : schema.field(name);
            parser.nextToken();
            if (field == null) {
                parser.skipChildren();
                continue;
            }
            next = field.index() + 1;
            Object value = read(parser, field.schema());
            if (value == null) {
                // a new struct holds null already; a repeated key's null replaces its earlier value, as in
                // JsonConverter (read gives null only where the field allows it)
                if (holding[field.index()]) {
                    struct.put(field, null);
                    holding[field.index()] = false;
                }
            } else {
                StructSlots.set(struct, field, value);
                holding[field.index()] = true;
            }
        }
        // an explicit null has been resolved already, and resolving it again gives the same value
        for (Field field : fields) {
            if (!holding[field.index()]) {
                Object absent = nullValue(field.schema());
                if (absent != null) {
                    StructSlots.set(struct, field, absent);
                }
            }
        }
        return struct;
    }

    private static void expectStart(JsonToken token, JsonToken expected, Schema schema) throws NotHandled {
        if (token != expected) {
            throw unexpected(token, schema.type());
        }
    }

    private static NotHandled unexpected(JsonToken token, Schema.Type type) {
        return new NotHandled(token + " for " + type);
    }
}
