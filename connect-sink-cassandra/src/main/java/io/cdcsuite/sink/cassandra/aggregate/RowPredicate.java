package io.cdcsuite.sink.cassandra.aggregate;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * A condition on a row's fields, with SQL's three-valued logic collapsed the way WHERE and FILTER use it: a
 * comparison with NULL is unknown, and unknown does not pass.
 */
public sealed interface RowPredicate {
    /** Field name → canonical value (numbers, strings, booleans, java.time values), null when absent. */
    boolean test(Function<String, Object> row);

    /** The fields the predicate reads. */
    List<String> fields();

    enum Comparator { EQ, NE, LT, LE, GT, GE }

    record Comparison(String field, Comparator comparator, Object literal) implements RowPredicate {
        @Override
        public boolean test(Function<String, Object> row) {
            Object value = row.apply(field);
            if (value == null || literal == null) {
                return false;
            }
            int order = compare(value, literal);
            return switch (comparator) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
            };
        }

        @Override
        public List<String> fields() {
            return List.of(field);
        }
    }

    record In(String field, List<Object> literals, boolean negated) implements RowPredicate {
        @Override
        public boolean test(Function<String, Object> row) {
            Object value = row.apply(field);
            if (value == null) {
                return false;
            }
            boolean found = literals.stream().anyMatch(literal -> literal != null && compare(value, literal) == 0);
            return negated != found;
        }

        @Override
        public List<String> fields() {
            return List.of(field);
        }
    }

    record IsNull(String field, boolean negated) implements RowPredicate {
        @Override
        public boolean test(Function<String, Object> row) {
            return negated != (row.apply(field) == null);
        }

        @Override
        public List<String> fields() {
            return List.of(field);
        }
    }

    record And(RowPredicate left, RowPredicate right) implements RowPredicate {
        @Override
        public boolean test(Function<String, Object> row) {
            return left.test(row) && right.test(row);
        }

        @Override
        public List<String> fields() {
            return concat(left, right);
        }
    }

    record Or(RowPredicate left, RowPredicate right) implements RowPredicate {
        @Override
        public boolean test(Function<String, Object> row) {
            return left.test(row) || right.test(row);
        }

        @Override
        public List<String> fields() {
            return concat(left, right);
        }
    }

    /** NOT of a condition that is unknown stays unknown, so NOT(x = 1) does not pass a NULL x either. */
    record Not(RowPredicate inner) implements RowPredicate {
        @Override
        public boolean test(Function<String, Object> row) {
            boolean anyNull = inner.fields().stream().anyMatch(field -> row.apply(field) == null);
            return !anyNull && !inner.test(row);
        }

        @Override
        public List<String> fields() {
            return inner.fields();
        }
    }

    private static List<String> concat(RowPredicate left, RowPredicate right) {
        return java.util.stream.Stream.concat(left.fields().stream(), right.fields().stream()).distinct().toList();
    }

    /**
     * Orders a row value against a literal: numbers numerically (any Java number type), booleans against TRUE/FALSE or
     * 0/1, everything else by its text (strings, enum labels, ISO dates and timestamps compare as written).
     */
    static int compare(Object value, Object literal) {
        if (literal instanceof BigDecimal number) {
            BigDecimal actual = Values.decimal(value);
            if (actual == null) {
                throw new IllegalArgumentException("cannot compare " + value + " with the number " + number);
            }
            return actual.compareTo(number);
        }
        if (literal instanceof Boolean bool) {
            Boolean actual = value instanceof Boolean b ? b
                    : value instanceof Number n ? n.intValue() != 0 : Boolean.valueOf(value.toString());
            return Boolean.compare(actual, bool);
        }
        return value.toString().compareTo(literal.toString());
    }
}
