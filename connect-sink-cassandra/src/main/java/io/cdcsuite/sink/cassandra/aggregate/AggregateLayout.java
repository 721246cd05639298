package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.cql.CqlTypeMapper;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.mapping.FieldValue;
import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;

/**
 * The column types of an aggregate's tables. Group columns keep their source type; {@code COUNT} is a
 * {@code bigint}; {@code SUM} and {@code AVG} are exact {@code decimal}s over integers and decimals (as MySQL computes
 * them) and {@code double}s over floating-point input; {@code MIN}/{@code MAX} keep the input's type.
 */
public record AggregateLayout(AggregateDefinition definition, Map<String, DataType> groupTypes,
                              List<DataType> contributionTypes, List<DataType> measureTypes) {
    public static final String MEMBER_COUNT = "member_count";
    static final String VERSION = "version";
    static final String PRESENT = "present";
    /** The membership table's partition key: a fixed hash of the member key (see {@link MembershipBuckets}). */
    static final String MEMBER_BUCKET = "member_bucket";
    static final String SERVING_TIMESTAMP = "serving_timestamp";
    /** The remaining TTL of a member row's version, as the slot read names it. */
    static final String VERSION_TTL = "version_ttl";
    static final String TOPIC = "topic";
    static final String PARTITION = "partition";
    static final String APPLIED_BELOW = "applied_below";
    private static final Set<DataType> INTEGRAL = Set.of(DataTypes.TINYINT, DataTypes.SMALLINT, DataTypes.INT,
            DataTypes.BIGINT, DataTypes.VARINT, DataTypes.COUNTER);

    /** The types from a change's fields (their schemas, or their values when schemaless). */
    static AggregateLayout from(AggregateDefinition definition, Map<String, FieldValue> fields) {
        Map<String, DataType> groups = new LinkedHashMap<>();
        for (String column : definition.groupBy()) {
            groups.put(column, typeOf(fields.get(column), DataTypes.TEXT));
        }
        List<DataType> contributions = new ArrayList<>();
        List<DataType> measures = new ArrayList<>();
        for (Measure measure : definition.measures()) {
            DataType input = measure.field() == null ? null : typeOf(fields.get(measure.field()), DataTypes.DECIMAL);
            DataType contribution = switch (measure.function()) {
                case COUNT -> DataTypes.TINYINT;
                case SUM, AVG -> numeric(measure, input);
                case MIN, MAX -> input;
            };
            contributions.add(contribution);
            measures.add(measure.function() == Measure.Function.COUNT ? DataTypes.BIGINT : contribution);
        }
        return new AggregateLayout(definition, groups, contributions, measures);
    }

    /** The types of tables an earlier run created. */
    static AggregateLayout from(AggregateDefinition definition, TableLayout serving, TableLayout members,
                                TableLayout memberOf) {
        Map<String, DataType> groups = new LinkedHashMap<>();
        for (String column : definition.groupBy()) {
            groups.put(column, require(serving, column));
        }
        List<DataType> contributions = new ArrayList<>();
        List<DataType> measures = new ArrayList<>();
        for (Measure measure : definition.measures()) {
            contributions.add(require(members, measure.contributionColumn()));
            measures.add(require(serving, measure.name()));
        }
        require(members, VERSION);
        require(members, SERVING_TIMESTAMP);
        require(memberOf, MEMBER_BUCKET);
        return new AggregateLayout(definition, groups, contributions, measures);
    }

    private static DataType require(TableLayout table, String column) {
        DataType type = table.type(column);
        if (type == null) {
            throw new IllegalStateException("table " + table.table() + " has no column " + column
                    + ": it was created for another aggregate definition or by an earlier version of this sink; drop"
                    + " it or rename the aggregate");
        }
        return type;
    }

    private static DataType typeOf(FieldValue field, DataType schemalessNullFallback) {
        if (field == null) {
            return schemalessNullFallback;
        }
        if (field.schema() != null) {
            return CqlTypeMapper.typeFor(field.schema());
        }
        DataType inferred = CqlTypeMapper.inferType(field.value());
        return inferred == null ? schemalessNullFallback : inferred;
    }

    private static DataType numeric(Measure measure, DataType input) {
        if (INTEGRAL.contains(input) || DataTypes.DECIMAL.equals(input)) {
            return DataTypes.DECIMAL;
        }
        if (DataTypes.FLOAT.equals(input) || DataTypes.DOUBLE.equals(input)) {
            return DataTypes.DOUBLE;
        }
        throw new RecordMappingException(measure.field(), measure.function() + "(" + measure.field()
                + ") needs a numeric field, not " + input.asCql(false, true));
    }

    /** Group columns, then window_start when windowed: what identifies one row of the serving table. */
    public List<String> slotColumns() {
        List<String> columns = new ArrayList<>(definition.groupBy());
        if (definition.window() != null) {
            columns.add(AggregateDefinition.WINDOW_START);
        }
        return columns;
    }

    public DataType slotType(String column) {
        return AggregateDefinition.WINDOW_START.equals(column) ? DataTypes.TIMESTAMP : groupTypes.get(column);
    }
}
