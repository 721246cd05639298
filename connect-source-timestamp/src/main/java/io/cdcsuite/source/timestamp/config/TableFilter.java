package io.cdcsuite.source.timestamp.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.cdcsuite.source.timestamp.catalog.TableId;

/**
 * Chooses tables by regular expressions matched, case-insensitively and in full, against {@code db.table} (as
 * Debezium's {@code table.include.list}). Exclusion wins; an empty include list takes every table outside the
 * system schemas.
 */
public final class TableFilter {
    /** MySQL's own schemas are never captured. */
    public static final Set<String> SYSTEM_DATABASES = Set.of("mysql", "sys", "information_schema", "performance_schema");

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    public TableFilter(List<String> include, List<String> exclude) {
        this.include = compile(include);
        this.exclude = compile(exclude);
    }

    static List<Pattern> compile(List<String> regexes) {
        return regexes.stream()
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE))
                .toList();
    }

    public boolean includes(TableId table) {
        if (SYSTEM_DATABASES.contains(table.database().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String name = table.toString();
        boolean included = include.isEmpty() || include.stream().anyMatch(p -> p.matcher(name).matches());
        return included && exclude.stream().noneMatch(p -> p.matcher(name).matches());
    }
}
