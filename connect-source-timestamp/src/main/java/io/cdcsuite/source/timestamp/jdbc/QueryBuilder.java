package io.cdcsuite.source.timestamp.jdbc;

import java.util.ArrayList;
import java.util.List;

import io.cdcsuite.source.timestamp.capture.PageQuery;
import io.cdcsuite.source.timestamp.capture.Position;
import io.cdcsuite.source.timestamp.catalog.Identifiers;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.schema.ColumnMapping;

/**
 * The SQL of each page. Keyset conditions use the expanded form
 * {@code ts > ? OR (ts = ? AND (k1 > ? OR (k1 = ? AND k2 > ?)))}, which MySQL 8.0 turns into index range scans,
 * never the row constructor {@code (ts, k1, k2) > (?, ?, ?)}, which it does not. Every identifier is validated and
 * quoted. The select list is {@code *} (checked against the plan when the result arrives), the change-time
 * expression, and the soft-delete flag when the table has one.
 */
public final class QueryBuilder {
    private QueryBuilder() {
    }

    public static PreparedQuery build(TablePlan plan, PageQuery query) {
        if (query instanceof PageQuery.Snapshot snapshot) {
            return snapshot(plan, snapshot);
        }
        if (query instanceof PageQuery.Changes changes) {
            return changes(plan, changes);
        }
        return rescan(plan, (PageQuery.Rescan) query);
    }

    private static PreparedQuery snapshot(TablePlan plan, PageQuery.Snapshot query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = select(plan, parameters);
        String ts = plan.timestamp().sql();
        sql.append(" WHERE ").append(ts).append(" < ?");
        parameters.add(query.bound());
        plan.softDelete().ifPresent(softDelete -> {
            sql.append(" AND ").append(softDelete.notDeletedSql());
            parameters.addAll(softDelete.parameters());
        });
        if (query.afterKey() != null) {
            List<Term> terms = keyTerms(plan, query.afterKey());
            sql.append(" AND (").append(expanded(terms, ">", ">", parameters)).append(')');
        }
        sql.append(" ORDER BY ").append(String.join(", ", quotedKeys(plan)));
        return limited(sql, query.limit(), parameters);
    }

    private static PreparedQuery changes(TablePlan plan, PageQuery.Changes query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = select(plan, parameters);
        String ts = plan.timestamp().sql();
        sql.append(" WHERE ").append(ts).append(" < ?");
        parameters.add(query.bound());
        sql.append(" AND ").append(after(plan, query.after(), parameters));
        sql.append(" ORDER BY ").append(orderByTimestampAndKey(plan));
        return limited(sql, query.limit(), parameters);
    }

    private static PreparedQuery rescan(TablePlan plan, PageQuery.Rescan query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = select(plan, parameters);
        String ts = plan.timestamp().sql();
        sql.append(" WHERE ").append(ts).append(" >= ?");
        parameters.add(query.from());
        Position upTo = query.upTo();
        if (upTo.hasKey()) {
            sql.append(" AND (").append(expanded(positionTerms(plan, upTo), "<", "<=", parameters)).append(')');
        } else {
            sql.append(" AND ").append(ts).append(" < ?");
            parameters.add(upTo.ts());
        }
        if (query.after() != null) {
            sql.append(" AND ").append(after(plan, query.after(), parameters));
        }
        sql.append(" ORDER BY ").append(orderByTimestampAndKey(plan));
        return limited(sql, query.limit(), parameters);
    }

    private static StringBuilder select(TablePlan plan, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("SELECT *, ").append(plan.timestamp().sql());
        plan.softDelete().ifPresent(softDelete -> {
            sql.append(", ").append(softDelete.deletedSql());
            parameters.addAll(softDelete.parameters());
        });
        return sql.append(" FROM ").append(plan.id().quoted());
    }

    /** Rows after {@code position} in (timestamp, key) order; without a key, rows at or after its timestamp. */
    private static String after(TablePlan plan, Position position, List<Object> parameters) {
        if (!position.hasKey()) {
            parameters.add(position.ts());
            return plan.timestamp().sql() + " >= ?";
        }
        return "(" + expanded(positionTerms(plan, position), ">", ">", parameters) + ")";
    }

    private record Term(String sql, Object value) {
    }

    private static List<Term> positionTerms(TablePlan plan, Position position) {
        List<Term> terms = new ArrayList<>();
        terms.add(new Term(plan.timestamp().sql(), position.ts()));
        terms.addAll(keyTerms(plan, position.key()));
        return terms;
    }

    private static List<Term> keyTerms(TablePlan plan, List<Object> key) {
        List<ColumnMapping> columns = plan.keyColumns();
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnMapping column = columns.get(i);
            terms.add(new Term(Identifiers.quote(column.name()), column.rawKind().toParameter(key.get(i))));
        }
        return terms;
    }

    /**
     * {@code a OP ? OR (a = ? AND (b OP ? OR (b = ? AND c LAST ?)))}: the lexicographic comparison of the terms with
     * a position, as nested ORs an index range scan can use.
     */
    private static String expanded(List<Term> terms, String op, String lastOp, List<Object> parameters) {
        StringBuilder sql = new StringBuilder();
        int open = 0;
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            if (i == terms.size() - 1) {
                sql.append(term.sql()).append(' ').append(lastOp).append(" ?");
                parameters.add(term.value());
            } else {
                sql.append(term.sql()).append(' ').append(op).append(" ? OR (")
                        .append(term.sql()).append(" = ? AND ");
                parameters.add(term.value());
                parameters.add(term.value());
                if (i < terms.size() - 2) {
                    sql.append('(');
                    open++;
                }
                open++;
            }
        }
        return sql.append(")".repeat(open)).toString();
    }

    private static String orderByTimestampAndKey(TablePlan plan) {
        List<String> order = new ArrayList<>();
        order.add(plan.timestamp().sql());
        order.addAll(quotedKeys(plan));
        return String.join(", ", order);
    }

    private static List<String> quotedKeys(TablePlan plan) {
        return plan.keyColumnNames().stream().map(Identifiers::quote).toList();
    }

    private static PreparedQuery limited(StringBuilder sql, int limit, List<Object> parameters) {
        return new PreparedQuery(sql.append(" LIMIT ").append(limit).toString(), parameters);
    }
}
