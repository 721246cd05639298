package io.cdcsuite.sink.cassandra.mapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cdcsuite.sink.cassandra.cql.CqlNames;
import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * The {@code table.name.format} template, {@code keyspace.table} with placeholders {@code ${topic}},
 * {@code ${db}} and {@code ${table}}. Each substituted value has the characters Cassandra does not allow in
 * schema names replaced by {@code _}.
 */
public final class TableNameTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final String template;

    private TableNameTemplate(String template) {
        this.template = template;
    }

    /** Parses and checks a template; throws IllegalArgumentException describing the problem. */
    public static TableNameTemplate parse(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!name.equals("topic") && !name.equals("db") && !name.equals("table")) {
                throw new IllegalArgumentException("unknown placeholder ${" + name + "}; use ${topic}, ${db}, ${table}");
            }
        }
        TableNameTemplate parsed = new TableNameTemplate(template);
        parsed.render("t", "d", "t"); // the shape must be keyspace.table once placeholders are filled in
        return parsed;
    }

    /** The table for these values; db and table may be null when the template does not use them. */
    public TableId render(String topic, String db, String table) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "topic" -> topic;
                case "db" -> db;
                default -> table;
            };
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("no value for ${" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(CqlNames.sanitizeSchemaName(value)));
        }
        matcher.appendTail(out);
        return TableId.parse(out.toString());
    }

    @Override
    public String toString() {
        return template;
    }
}
