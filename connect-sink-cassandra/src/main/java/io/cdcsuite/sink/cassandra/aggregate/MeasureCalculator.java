package io.cdcsuite.sink.cassandra.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.type.DataTypes;

/**
 * Computes a group's measures from its members' contributions, with SQL's semantics: NULL inputs are ignored, an
 * empty SUM/MIN/MAX/AVG is NULL, COUNT counts non-NULL inputs. AVG over exact numbers is exact and rounded like
 * MySQL's ({@code div_precision_increment} = 4: the inputs' scale + 4, half up), so it equals MySQL's AVG.
 */
final class MeasureCalculator {
    static final int AVG_EXTRA_SCALE = 4;

    private MeasureCalculator() {
    }

    /** @param members per member, its contributions in measure order */
    static List<Object> compute(AggregateLayout layout, List<List<Object>> members) {
        List<Measure> measures = layout.definition().measures();
        List<Object> values = new ArrayList<>(measures.size());
        for (int i = 0; i < measures.size(); i++) {
            List<Object> inputs = new ArrayList<>();
            for (List<Object> member : members) {
                if (member.get(i) != null) {
                    inputs.add(member.get(i));
                }
            }
            boolean exact = DataTypes.DECIMAL.equals(layout.contributionTypes().get(i));
            values.add(switch (measures.get(i).function()) {
                case COUNT -> (long) inputs.size();
                case SUM -> inputs.isEmpty() ? null : sum(inputs, exact);
                case AVG -> inputs.isEmpty() ? null : average(inputs, exact);
                case MIN -> inputs.stream().map(MeasureCalculator::comparable).min(MeasureCalculator::order).orElse(null);
                case MAX -> inputs.stream().map(MeasureCalculator::comparable).max(MeasureCalculator::order).orElse(null);
            });
        }
        return values;
    }

    private static Object sum(List<Object> inputs, boolean exact) {
        if (exact) {
            BigDecimal total = BigDecimal.ZERO;
            for (Object input : inputs) {
                total = total.add((BigDecimal) input);
            }
            return total;
        }
        double total = 0;
        for (Object input : inputs) {
            total += ((Number) input).doubleValue();
        }
        return total;
    }

    private static Object average(List<Object> inputs, boolean exact) {
        if (exact) {
            int scale = inputs.stream().mapToInt(input -> Math.max(0, ((BigDecimal) input).scale())).max().orElse(0);
            return ((BigDecimal) sum(inputs, true)).divide(BigDecimal.valueOf(inputs.size()), scale + AVG_EXTRA_SCALE,
                    RoundingMode.HALF_UP);
        }
        return (Double) sum(inputs, false) / inputs.size();
    }

    private static Object comparable(Object value) {
        if (value instanceof Comparable<?>) {
            return value;
        }
        throw new IllegalArgumentException("MIN/MAX of a " + value.getClass().getSimpleName() + " value is not defined");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int order(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
