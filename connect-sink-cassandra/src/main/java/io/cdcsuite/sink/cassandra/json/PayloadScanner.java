package io.cdcsuite.sink.cassandra.json;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

import io.cdcsuite.common.data.StructSlots;

/**
 * Reads a payload straight from its bytes when it is laid out exactly as JsonConverter writes it: no whitespace,
 * every struct field present and in schema order (their names printable ASCII), strings in well-formed UTF-8 with
 * JSON's escapes, numbers in plain JSON form, binary as padded base64; arrays and maps only as null. It gives what
 * {@link PayloadReader} gives for the same bytes, without a tokenizer, symbol table or parser per record. Anything
 * else, including anything JSON does not allow, throws {@link NotScanned} before a value is handed out, and the
 * Jackson-based reader reads the record.
 */
final class PayloadScanner {
    private static final int MAX_NUMBER_LENGTH = 64;

    private final PayloadReader reader;

    /** @param reader decides nulls and defaults, so that both ways of reading agree */
    PayloadScanner(PayloadReader reader) {
        this.reader = reader;
    }

    /** The payload does not have the layout this scanner reads. Thrown per record, so it carries no stack trace. */
    static final class NotScanned extends Exception {
        private static final NotScanned INSTANCE = new NotScanned();

        private NotScanned() {
            super("not in JsonConverter's plain layout", null, false, false);
        }
    }

    /**
     * How to find a schema's values in JSON: for a struct, each field's name as JsonConverter writes it, with a
     * plan of its own. Made once per schema read by the fast path.
     */
    static final class Plan {
        private final Schema schema;
        private final Field[] fields;
        private final byte[][] names;
        private final Plan[] fieldPlans;
        private final boolean structOfPlainNames;

        private Plan(Schema schema) {
            this.schema = schema;
            if (schema.type() != Schema.Type.STRUCT) {
                fields = null;
                names = null;
                fieldPlans = null;
                structOfPlainNames = false;
                return;
            }
            List<Field> all = schema.fields();
            fields = all.toArray(Field[]::new);
            names = new byte[fields.length][];
            fieldPlans = new Plan[fields.length];
            boolean plain = true;
            for (int i = 0; i < fields.length; i++) {
                plain &= isPlainAscii(fields[i].name());
                // "name": as the quoted key and its colon
                names[i] = ('"' + fields[i].name() + "\":").getBytes(StandardCharsets.ISO_8859_1);
                fieldPlans[i] = new Plan(fields[i].schema());
            }
            structOfPlainNames = plain;
        }

        static Plan of(Schema schema) {
            return new Plan(schema);
        }

        private static boolean isPlainAscii(String name) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }
    }

    /** The payload in {@code [from, to)}: exactly one value, nothing after it. */
    Object scan(byte[] bytes, int from, int to, Plan plan) throws NotScanned {
        Cursor cursor = new Cursor(bytes, from, to);
        Object value = value(cursor, plan);
        if (cursor.at != to) {
            throw NotScanned.INSTANCE;
        }
        return value;
    }

    /** Where the scan is; the bytes end at {@code to}. */
    private static final class Cursor {
        final byte[] bytes;
        final int to;
        int at;

        Cursor(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.at = from;
            this.to = to;
        }

        byte peek() throws NotScanned {
            if (at >= to) {
                throw NotScanned.INSTANCE;
            }
            return bytes[at];
        }

        void expect(byte b) throws NotScanned {
            if (peek() != b) {
                throw NotScanned.INSTANCE;
            }
            at++;
        }

        boolean skipLiteral(String literal) {
            int end = at + literal.length();
            if (end > to) {
                return false;
            }
            for (int i = 0; i < literal.length(); i++) {
                if (bytes[at + i] != literal.charAt(i)) {
                    return false;
                }
            }
            if (end < to && !isDelimiter(bytes[end])) {
                return false;
            }
            at = end;
            return true;
        }
    }

    private static boolean isDelimiter(byte b) {
        return b == ',' || b == '}' || b == ']';
    }

    private Object value(Cursor cursor, Plan plan) throws NotScanned {
        Schema schema = plan.schema;
        if (cursor.peek() == 'n') {
            if (!cursor.skipLiteral("null")) {
                throw NotScanned.INSTANCE;
            }
            try {
                return reader.nullValue(schema);
            } catch (NotHandled e) {
                throw NotScanned.INSTANCE;
            }
        }
        String name = schema.name();
        if (name != null) {
            switch (name) {
                case Decimal.LOGICAL_NAME:
                    return decimal(cursor, schema);
                case Date.LOGICAL_NAME:
                    return Date.toLogical(schema, (int) integer(cursor, Integer.MIN_VALUE, Integer.MAX_VALUE));
                case Time.LOGICAL_NAME:
                    return Time.toLogical(schema, (int) integer(cursor, Integer.MIN_VALUE, Integer.MAX_VALUE));
                case Timestamp.LOGICAL_NAME:
                    return Timestamp.toLogical(schema, integer(cursor, Long.MIN_VALUE, Long.MAX_VALUE));
                default:
                    break;
            }
        }
        return switch (schema.type()) {
            case BOOLEAN -> bool(cursor);
            case INT8 -> (byte) integer(cursor, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT16 -> (short) integer(cursor, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT32 -> (int) integer(cursor, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64 -> integer(cursor, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT32 -> floating(cursor).floatValue();
            case FLOAT64 -> floating(cursor).doubleValue();
            case STRING -> text(cursor);
            case BYTES -> base64(cursor);
            case STRUCT -> struct(cursor, plan);
            case ARRAY, MAP -> throw NotScanned.INSTANCE;
        };
    }

    private Struct struct(Cursor cursor, Plan plan) throws NotScanned {
        if (!plan.structOfPlainNames) {
            throw NotScanned.INSTANCE;
        }
        cursor.expect((byte) '{');
        Struct struct = new Struct(plan.schema);
        for (int i = 0; i < plan.fields.length; i++) {
            if (i > 0) {
                cursor.expect((byte) ',');
            }
            byte[] name = plan.names[i];
            if (cursor.to - cursor.at < name.length
                    || !Arrays.equals(cursor.bytes, cursor.at, cursor.at + name.length, name, 0, name.length)) {
                throw NotScanned.INSTANCE;
            }
            cursor.at += name.length;
            Object value = value(cursor, plan.fieldPlans[i]);
            if (value != null) {
                StructSlots.set(struct, plan.fields[i], value);
            }
        }
        cursor.expect((byte) '}');
        return struct;
    }

    private static Boolean bool(Cursor cursor) throws NotScanned {
        if (cursor.skipLiteral("true")) {
            return Boolean.TRUE;
        }
        if (cursor.skipLiteral("false")) {
            return Boolean.FALSE;
        }
        throw NotScanned.INSTANCE;
    }

    /** A JSON integer (no fraction, no exponent) within {@code [min, max]}. */
    private static long integer(Cursor cursor, long min, long max) throws NotScanned {
        byte[] bytes = cursor.bytes;
        int at = cursor.at;
        boolean negative = at < cursor.to && bytes[at] == '-';
        if (negative) {
            at++;
        }
        int digitsFrom = at;
        long magnitude = 0; // accumulated negatively: Long.MIN_VALUE has no positive counterpart
        while (at < cursor.to && bytes[at] >= '0' && bytes[at] <= '9') {
            int digit = bytes[at] - '0';
            if (magnitude < (Long.MIN_VALUE + digit) / 10) {
                throw NotScanned.INSTANCE;
            }
            magnitude = magnitude * 10 - digit;
            at++;
        }
        int digits = at - digitsFrom;
        // JSON allows no leading zeros; a fraction or exponent makes it a float token
        if (digits == 0 || (digits > 1 && bytes[digitsFrom] == '0') || (at < cursor.to && !isDelimiter(bytes[at]))) {
            throw NotScanned.INSTANCE;
        }
        if (!negative && magnitude == Long.MIN_VALUE) {
            throw NotScanned.INSTANCE;
        }
        long value = negative ? magnitude : -magnitude;
        if (value < min || value > max) {
            throw NotScanned.INSTANCE;
        }
        cursor.at = at;
        return value;
    }

    /** A JSON number as PayloadReader reads one for a float field: floats through BigDecimal, integers as longs. */
    private static Number floating(Cursor cursor) throws NotScanned {
        byte[] bytes = cursor.bytes;
        int from = cursor.at;
        int at = from;
        boolean integral = true;
        if (at < cursor.to && bytes[at] == '-') {
            at++;
        }
        int digitsFrom = at;
        at = digits(bytes, at, cursor.to);
        if (at == digitsFrom || (at - digitsFrom > 1 && bytes[digitsFrom] == '0')) {
            throw NotScanned.INSTANCE;
        }
        if (at < cursor.to && bytes[at] == '.') {
            integral = false;
            int fractionFrom = ++at;
            at = digits(bytes, at, cursor.to);
            if (at == fractionFrom) {
                throw NotScanned.INSTANCE;
            }
        }
        if (at < cursor.to && (bytes[at] == 'e' || bytes[at] == 'E')) {
            integral = false;
            at++;
            if (at < cursor.to && (bytes[at] == '+' || bytes[at] == '-')) {
                at++;
            }
            int exponentFrom = at;
            at = digits(bytes, at, cursor.to);
            if (at == exponentFrom) {
                throw NotScanned.INSTANCE;
            }
        }
        if (at - from > MAX_NUMBER_LENGTH || (at < cursor.to && !isDelimiter(bytes[at]))) {
            throw NotScanned.INSTANCE;
        }
        if (integral) {
            return integer(cursor, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        cursor.at = at;
        return new BigDecimal(new String(bytes, from, at - from, StandardCharsets.ISO_8859_1));
    }

    private static int digits(byte[] bytes, int at, int to) {
        while (at < to && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        return at;
    }

    /**
     * The index of the closing quote of the string at the cursor, or -1 when an escape comes first; a raw control
     * character (which JSON does not allow) or a missing quote is left to the parser. The cursor does not move.
     */
    private static int closingQuote(Cursor cursor) throws NotScanned {
        if (cursor.peek() != '"') {
            throw NotScanned.INSTANCE;
        }
        byte[] bytes = cursor.bytes;
        for (int at = cursor.at + 1; at < cursor.to; at++) {
            byte b = bytes[at];
            if (b == '"') {
                return at;
            }
            if (b == '\\') {
                return -1;
            }
            if (b >= 0 && b < 0x20) {
                throw NotScanned.INSTANCE;
            }
        }
        throw NotScanned.INSTANCE;
    }

    /**
     * A string value in well-formed UTF-8, with JSON's escapes decoded as the parser decodes them; an unknown escape or
     * malformed UTF-8 is left to the parser (which rejects it).
     */
    private static String text(Cursor cursor) throws NotScanned {
        int from = cursor.at + 1;
        int end = closingQuote(cursor);
        if (end < 0) {
            return escapedText(cursor, from);
        }
        String text = utf8(cursor.bytes, from, end);
        endString(cursor, end);
        return text;
    }

    /** Moves past the closing quote at {@code at}, which must be followed by a delimiter or the end. */
    private static void endString(Cursor cursor, int at) throws NotScanned {
        if (at >= cursor.to || (at + 1 < cursor.to && !isDelimiter(cursor.bytes[at + 1]))) {
            throw NotScanned.INSTANCE;
        }
        cursor.at = at + 1;
    }

    /** A string with escapes, its content starting at {@code from}. */
    private static String escapedText(Cursor cursor, int from) throws NotScanned {
        byte[] bytes = cursor.bytes;
        StringBuilder text = new StringBuilder();
        int at = from;
        int segment = from;
        while (at < cursor.to && bytes[at] != '"') {
            byte b = bytes[at];
            if (b >= 0 && b < 0x20) {
                throw NotScanned.INSTANCE;
            }
            if (b != '\\') {
                at++;
                continue;
            }
            text.append(utf8(bytes, segment, at));
            if (at + 1 >= cursor.to) {
                throw NotScanned.INSTANCE;
            }
            switch (bytes[at + 1]) {
                case '"' -> text.append('"');
                case '\\' -> text.append('\\');
                case '/' -> text.append('/');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    if (at + 6 > cursor.to) {
                        throw NotScanned.INSTANCE;
                    }
                    int code = 0;
                    for (int i = at + 2; i < at + 6; i++) {
                        int digit = Character.digit(bytes[i], 16);
                        if (digit < 0) {
                            throw NotScanned.INSTANCE;
                        }
                        code = code * 16 + digit;
                    }
                    // a lone surrogate stays a lone char, as the parser leaves it
                    text.append((char) code);
                    at += 4;
                }
                default -> throw NotScanned.INSTANCE;
            }
            at += 2;
            segment = at;
        }
        text.append(utf8(bytes, segment, Math.min(at, cursor.to)));
        endString(cursor, at);
        return text.toString();
    }

    /**
     * The text of {@code [from, to)} when it is well-formed UTF-8 (no overlong forms, no encoded surrogates, nothing
     * beyond U+10FFFF), which every decoder, the parser's among them, decodes alike.
     */
    private static String utf8(byte[] bytes, int from, int to) throws NotScanned {
        int at = from;
        while (at < to) {
            int b = bytes[at] & 0xff;
            if (b < 0x80) {
                at++;
                continue;
            }
            int length;
            int low = 0x80;
            int high = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                length = 2;
            } else if (b >= 0xe0 && b <= 0xef) {
                length = 3;
                low = b == 0xe0 ? 0xa0 : 0x80;
                high = b == 0xed ? 0x9f : 0xbf;
            } else if (b >= 0xf0 && b <= 0xf4) {
                length = 4;
                low = b == 0xf0 ? 0x90 : 0x80;
                high = b == 0xf4 ? 0x8f : 0xbf;
            } else {
                throw NotScanned.INSTANCE;
            }
            if (at + length > to) {
                throw NotScanned.INSTANCE;
            }
            int second = bytes[at + 1] & 0xff;
            if (second < low || second > high) {
                throw NotScanned.INSTANCE;
            }
            for (int i = at + 2; i < at + length; i++) {
                if ((bytes[i] & 0xc0) != 0x80) {
                    throw NotScanned.INSTANCE;
                }
            }
            at += length;
        }
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * Non-empty padded base64 in the standard alphabet with zero bits after the data, which every decoder reads alike
     * (Jackson's, which PayloadReader uses, among them); anything else is left to PayloadReader.
     */
    private static byte[] base64(Cursor cursor) throws NotScanned {
        int from = cursor.at + 1;
        int to = closingQuote(cursor);
        if (to < 0) {
            throw NotScanned.INSTANCE;
        }
        endString(cursor, to);
        byte[] bytes = cursor.bytes;
        int length = to - from;
        if (length == 0 || length % 4 != 0) {
            throw NotScanned.INSTANCE;
        }
        int padding = bytes[to - 1] == '=' ? (bytes[to - 2] == '=' ? 2 : 1) : 0;
        for (int i = from; i < to - padding; i++) {
            if (sextet(bytes[i]) < 0) {
                throw NotScanned.INSTANCE;
            }
        }
        if (padding > 0 && (sextet(bytes[to - padding - 1]) & (padding == 1 ? 0x3 : 0xf)) != 0) {
            throw NotScanned.INSTANCE;
        }
        ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(bytes, from, length));
        byte[] out = new byte[decoded.remaining()];
        decoded.get(out);
        return out;
    }

    private static int sextet(byte b) {
        if (b >= 'A' && b <= 'Z') {
            return b - 'A';
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 26;
        }
        if (b >= '0' && b <= '9') {
            return b - '0' + 52;
        }
        return b == '+' ? 62 : b == '/' ? 63 : -1;
    }

    private static Object decimal(Cursor cursor, Schema schema) throws NotScanned {
        byte first = cursor.peek();
        if (first == '-' || (first >= '0' && first <= '9')) {
            Number number = floating(cursor);
            return number instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(number.longValue());
        }
        return Decimal.toLogical(schema, base64(cursor));
    }
}
