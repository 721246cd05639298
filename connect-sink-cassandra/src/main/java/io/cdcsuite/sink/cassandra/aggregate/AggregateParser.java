package io.cdcsuite.sink.cassandra.aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.cdcsuite.sink.cassandra.cql.CqlNames;
import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * Parses the {@code aggregates} setting: SQL-like statements separated by semicolons, e.g.
 *
 * <pre>
 * CREATE AGGREGATE shop.orders_5m AS
 *   SELECT customer_id, COUNT(*) AS order_count, SUM(amount) AS total, MAX(amount) AS max_amount
 *   FROM shop.orders
 *   GROUP BY customer_id
 *   WINDOW TUMBLING (created_at, 5 MINUTES)
 *   RETENTION 30 DAYS
 * </pre>
 *
 * Measures are {@code COUNT(*)}, {@code COUNT(f)}, {@code SUM(f)}, {@code MIN(f)}, {@code MAX(f)}, {@code AVG(f)},
 * each optionally {@code FILTER (WHERE <condition>)}; conditions use =, !=, <>, <, <=, >, >=, [NOT] IN (...),
 * IS [NOT] NULL, AND, OR, NOT and parentheses. Errors name the position in the text.
 */
public final class AggregateParser {
    private final List<Token> tokens;
    private int position;

    private AggregateParser(String text) {
        this.tokens = Tokenizer.tokenize(text);
    }

    public static List<AggregateDefinition> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        AggregateParser parser = new AggregateParser(text);
        List<AggregateDefinition> definitions = new ArrayList<>();
        Set<TableId> targets = new HashSet<>();
        while (!parser.atEnd()) {
            if (parser.acceptSymbol(";")) {
                continue;
            }
            AggregateDefinition definition = parser.statement();
            if (!targets.add(definition.target())) {
                throw new AggregateSyntaxException("aggregate " + definition.target() + " is declared twice");
            }
            definitions.add(definition);
            if (!parser.atEnd()) {
                parser.expectSymbol(";");
            }
        }
        return definitions;
    }

    private AggregateDefinition statement() {
        expectKeyword("CREATE");
        expectKeyword("AGGREGATE");
        Token targetAt = peek();
        List<String> target = qualifiedName();
        if (target.size() != 2) {
            throw error(targetAt, "the aggregate's table needs a keyspace: keyspace.table");
        }
        TableId table = new TableId(CqlNames.requireSchemaName(target.get(0), "keyspace"),
                requireTableName(targetAt, target.get(1)));
        expectKeyword("AS");
        expectKeyword("SELECT");
        List<String> selectedFields = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        do {
            selectItem(selectedFields, measures);
        } while (acceptSymbol(","));
        expectKeyword("FROM");
        Token sourceAt = peek();
        List<String> source = qualifiedName();
        if (source.size() != 2) {
            throw error(sourceAt, "FROM names the source table as database.table");
        }
        RowPredicate where = acceptKeyword("WHERE") ? expression() : null;
        List<String> groupBy = new ArrayList<>();
        if (acceptKeyword("GROUP")) {
            expectKeyword("BY");
            do {
                groupBy.add(column());
            } while (acceptSymbol(","));
        }
        TumblingWindow window = null;
        if (acceptKeyword("WINDOW")) {
            expectKeyword("TUMBLING");
            expectSymbol("(");
            String field = column();
            expectSymbol(",");
            window = new TumblingWindow(field, duration());
            expectSymbol(")");
        }
        Duration retention = acceptKeyword("RETENTION") ? duration() : null;
        check(table, selectedFields, groupBy, window, measures, targetAt);
        return new AggregateDefinition(table, source.get(0), source.get(1), groupBy, window, measures, where, retention);
    }

    private void selectItem(List<String> fields, List<Measure> measures) {
        Token at = peek();
        Measure.Function function = functionAt(at);
        if (function == null) {
            fields.add(column());
            return;
        }
        next();
        expectSymbol("(");
        String field = null;
        if (acceptSymbol("*")) {
            if (function != Measure.Function.COUNT) {
                throw error(at, function + "(*) is not a measure: only COUNT(*) counts rows");
            }
        } else {
            field = column();
        }
        expectSymbol(")");
        RowPredicate filter = null;
        if (acceptKeyword("FILTER")) {
            expectSymbol("(");
            expectKeyword("WHERE");
            filter = expression();
            expectSymbol(")");
        }
        if (!acceptKeyword("AS")) {
            throw error(peek(), "a measure needs a column name: " + function + "(...) AS name");
        }
        measures.add(new Measure(column(), function, field, filter));
    }

    private void check(TableId table, List<String> selected, List<String> groupBy, TumblingWindow window,
                       List<Measure> measures, Token at) {
        if (!new HashSet<>(selected).equals(new HashSet<>(groupBy)) || selected.size() != groupBy.size()) {
            throw error(at, "the plain columns of SELECT " + selected + " must be exactly the GROUP BY columns "
                    + groupBy);
        }
        if (groupBy.isEmpty() && window == null) {
            throw error(at, table + " needs GROUP BY columns or a WINDOW (a single global row has no partition key)");
        }
        if (measures.isEmpty()) {
            throw error(at, table + " has no measure (COUNT, SUM, MIN, MAX or AVG)");
        }
        // group columns are also columns of the members and membership tables, next to these
        Set<String> reserved = new LinkedHashSet<>(List.of(AggregateDefinition.WINDOW_START,
                AggregateLayout.MEMBER_COUNT, AggregateDefinition.MEMBER_KEY, AggregateLayout.VERSION,
                AggregateLayout.PRESENT, AggregateLayout.SERVING_TIMESTAMP, AggregateLayout.MEMBER_BUCKET));
        measures.forEach(measure -> reserved.add(measure.contributionColumn()));
        for (String column : groupBy) {
            if (reserved.contains(column)) {
                throw error(at, "GROUP BY column " + column + " has a name the aggregate's tables use: rename it "
                        + "in the source or with a transform");
            }
        }
        Set<String> names = new LinkedHashSet<>(groupBy);
        names.add(AggregateDefinition.WINDOW_START);
        names.add(AggregateLayout.MEMBER_COUNT);
        for (Measure measure : measures) {
            if (!names.add(measure.name())) {
                throw error(at, "column " + measure.name() + " of " + table + " is defined twice");
            }
        }
    }

    private Duration duration() {
        Token amountAt = next();
        if (amountAt.kind != Token.Kind.NUMBER) {
            throw error(amountAt, "expected a number of SECONDS, MINUTES, HOURS or DAYS");
        }
        long amount;
        try {
            amount = Long.parseLong(amountAt.text);
        } catch (NumberFormatException e) {
            throw error(amountAt, "expected a whole number");
        }
        Token unitAt = next();
        String unit = unitAt.text.toUpperCase(Locale.ROOT);
        Duration duration = switch (unit.endsWith("S") ? unit.substring(0, unit.length() - 1) : unit) {
            case "SECOND" -> Duration.ofSeconds(amount);
            case "MINUTE" -> Duration.ofMinutes(amount);
            case "HOUR" -> Duration.ofHours(amount);
            case "DAY" -> Duration.ofDays(amount);
            default -> throw error(unitAt, "expected SECONDS, MINUTES, HOURS or DAYS");
        };
        if (duration.isZero() || duration.isNegative()) {
            throw error(amountAt, "a duration must be positive");
        }
        return duration;
    }

    private RowPredicate expression() {
        RowPredicate left = conjunction();
        while (acceptKeyword("OR")) {
            left = new RowPredicate.Or(left, conjunction());
        }
        return left;
    }

    private RowPredicate conjunction() {
        RowPredicate left = negation();
        while (acceptKeyword("AND")) {
            left = new RowPredicate.And(left, negation());
        }
        return left;
    }

    private RowPredicate negation() {
        if (acceptKeyword("NOT")) {
            return new RowPredicate.Not(negation());
        }
        if (acceptSymbol("(")) {
            RowPredicate inner = expression();
            expectSymbol(")");
            return inner;
        }
        String field = column();
        if (acceptKeyword("IS")) {
            boolean negated = acceptKeyword("NOT");
            expectKeyword("NULL");
            return new RowPredicate.IsNull(field, negated);
        }
        boolean negated = acceptKeyword("NOT");
        if (acceptKeyword("IN")) {
            expectSymbol("(");
            List<Object> literals = new ArrayList<>();
            do {
                literals.add(literal());
            } while (acceptSymbol(","));
            expectSymbol(")");
            return new RowPredicate.In(field, literals, negated);
        }
        if (negated) {
            throw error(peek(), "expected IN after NOT");
        }
        Token operator = next();
        RowPredicate.Comparator comparator = switch (operator.text) {
            case "=" -> RowPredicate.Comparator.EQ;
            case "!=", "<>" -> RowPredicate.Comparator.NE;
            case "<" -> RowPredicate.Comparator.LT;
            case "<=" -> RowPredicate.Comparator.LE;
            case ">" -> RowPredicate.Comparator.GT;
            case ">=" -> RowPredicate.Comparator.GE;
            default -> throw error(operator, "expected a comparison (=, !=, <>, <, <=, >, >=), IN or IS");
        };
        return new RowPredicate.Comparison(field, comparator, literal());
    }

    private Object literal() {
        Token token = next();
        return switch (token.kind) {
            case NUMBER -> new BigDecimal(token.text);
            case STRING -> token.text;
            case WORD -> switch (token.text.toUpperCase(Locale.ROOT)) {
                case "TRUE" -> Boolean.TRUE;
                case "FALSE" -> Boolean.FALSE;
                case "NULL" -> throw error(token, "compare with NULL using IS NULL / IS NOT NULL");
                default -> throw error(token, "expected a literal (number, 'text', TRUE, FALSE)");
            };
            default -> throw error(token, "expected a literal (number, 'text', TRUE, FALSE)");
        };
    }

    private List<String> qualifiedName() {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (acceptSymbol(".")) {
            parts.add(identifier());
        }
        return parts;
    }

    private String column() {
        Token at = peek();
        String name = identifier();
        try {
            return CqlNames.requireColumnName(name);
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private String requireTableName(Token at, String name) {
        int longest = CqlNames.MAX_SCHEMA_NAME_LENGTH - AggregateDefinition.MEMBERS_SUFFIX.length();
        if (name.length() > longest || !CqlNames.isValidSchemaName(name)) {
            throw error(at, "aggregate table name '" + name + "' must be letters, digits and _ , at most " + longest
                    + " characters (its " + AggregateDefinition.MEMBERS_SUFFIX + " table must fit Cassandra's 48)");
        }
        return name;
    }

    private String identifier() {
        Token token = next();
        if (token.kind != Token.Kind.WORD && token.kind != Token.Kind.QUOTED) {
            throw error(token, "expected a name");
        }
        return token.text;
    }

    private static Measure.Function functionAt(Token token) {
        if (token.kind != Token.Kind.WORD) {
            return null;
        }
        try {
            return Measure.Function.valueOf(token.text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean atEnd() {
        return position >= tokens.size();
    }

    private Token peek() {
        return atEnd() ? Token.END : tokens.get(position);
    }

    private Token next() {
        Token token = peek();
        if (!atEnd()) {
            position++;
        }
        return token;
    }

    private boolean acceptKeyword(String keyword) {
        Token token = peek();
        if (token.kind == Token.Kind.WORD && token.text.equalsIgnoreCase(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw error(peek(), "expected " + keyword);
        }
    }

    private boolean acceptSymbol(String symbol) {
        Token token = peek();
        if (token.kind == Token.Kind.SYMBOL && token.text.equals(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error(peek(), "expected '" + symbol + "'");
        }
    }

    private static AggregateSyntaxException error(Token at, String message) {
        return new AggregateSyntaxException(message + (at == Token.END ? " (at the end)"
                : " (at '" + at.text + "', line " + at.line + ", column " + at.column + ")"));
    }

    /** One lexical token with its position for error messages. */
    record Token(Kind kind, String text, int line, int column) {
        enum Kind { WORD, QUOTED, NUMBER, STRING, SYMBOL, END }

        static final Token END = new Token(Kind.END, "", 0, 0);
    }

    /** Splits the text into words, "quoted" or `quoted` names, numbers, 'strings' and symbols. */
    static final class Tokenizer {
        private Tokenizer() {
        }

        static List<Token> tokenize(String text) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            int line = 1;
            int lineStart = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int column = i - lineStart + 1;
                if (c == '\n') {
                    line++;
                    lineStart = i + 1;
                    i++;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                    while (i < text.length() && text.charAt(i) != '\n') {
                        i++;
                    }
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                        i++;
                    }
                    tokens.add(new Token(Token.Kind.WORD, text.substring(start, i), line, column));
                } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length()
                        && Character.isDigit(text.charAt(i + 1)))) {
                    int start = i++;
                    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                        i++;
                    }
                    tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), line, column));
                } else if (c == '\'' || c == '"' || c == '`') {
                    StringBuilder value = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= text.length()) {
                            throw new AggregateSyntaxException("unterminated " + c + " at line " + line + ", column "
                                    + column);
                        }
                        char d = text.charAt(i);
                        if (d == c) {
                            if (i + 1 < text.length() && text.charAt(i + 1) == c) {
                                value.append(c);
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        value.append(d);
                        i++;
                    }
                    tokens.add(new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED, value.toString(), line,
                            column));
                } else {
                    String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                    if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
                        tokens.add(new Token(Token.Kind.SYMBOL, two, line, column));
                        i += 2;
                    } else if ("(),;.*=<>".indexOf(c) >= 0) {
                        tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), line, column));
                        i++;
                    } else {
                        throw new AggregateSyntaxException("unexpected '" + c + "' at line " + line + ", column "
                                + column);
                    }
                }
            }
            return tokens;
        }
    }
}
