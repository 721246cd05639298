package io.cdcsuite.transforms.util;

import java.util.Optional;

/**
 * A change-event topic {@code <prefix>.<db>.<table>}. MySQL database and table names cannot contain a dot, so the
 * last two segments are the database and the table, and everything before them (dots included) is the prefix.
 */
public record TopicName(String prefix, String database, String table) {

    public static Optional<TopicName> parse(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        int tableDot = topic.lastIndexOf('.');
        int databaseDot = tableDot <= 0 ? -1 : topic.lastIndexOf('.', tableDot - 1);
        if (databaseDot <= 0 || tableDot == databaseDot + 1 || tableDot == topic.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new TopicName(topic.substring(0, databaseDot),
                topic.substring(databaseDot + 1, tableDot), topic.substring(tableDot + 1)));
    }

    /** {@code db.table}, the name filters and predicates match against. */
    public String qualifiedTable() {
        return database + "." + table;
    }
}
