package io.cdcsuite.transforms;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

import io.cdcsuite.transforms.config.ChoiceValidator;
import io.cdcsuite.transforms.config.NamedValueListValidator;
import io.cdcsuite.transforms.temporal.TemporalType;

/** Configuration of {@link Normalize}. */
public final class NormalizeConfig extends AbstractConfig {
    public static final String LOGICAL_TYPES = "logical.types";
    public static final String MICROS_HANDLING = "micros.handling";
    public static final String MICROS_FIELD_SUFFIX = "micros.field.suffix";
    public static final String VARIABLE_SCALE_DECIMAL_SCALE = "variable.scale.decimal.scale";
    public static final String DECIMAL_ROUNDING_MODE = "decimal.rounding.mode";
    public static final String STRING_DECIMAL_FIELDS = "string.decimal.fields";
    public static final String SCHEMALESS_FIELD_TYPES = "schemaless.field.types";

    /** Debezium's Year (INT32 named io.debezium.time.Year), converted to a plain INT32. */
    public static final String YEAR = "Year";
    /** Debezium's io.debezium.data.VariableScaleDecimal struct (scale + unscaled bytes). */
    public static final String VARIABLE_SCALE_DECIMAL = "VariableScaleDecimal";
    /** A STRING holding a decimal (Debezium's decimal.handling.mode=string). */
    public static final String STRING_DECIMAL = "StringDecimal";
    /** Schemaless only: a string or number read as an exact decimal. */
    public static final String DECIMAL = "Decimal";

    private static final String GROUP_TYPES = "Logical types";
    private static final String GROUP_PRECISION = "Sub-millisecond precision";
    private static final String GROUP_DECIMALS = "Decimals";
    private static final String GROUP_SCHEMALESS = "Schemaless records";

    private static final List<String> LOGICAL_TYPE_NAMES = logicalTypeNames();
    private static final NamedValueListValidator STRING_DECIMAL_FIELDS_VALIDATOR =
            new NamedValueListValidator("scale", NormalizeConfig::isScale);
    private static final NamedValueListValidator SCHEMALESS_FIELD_TYPES_VALIDATOR =
            new NamedValueListValidator("type", NormalizeConfig::isSchemalessType);

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(LOGICAL_TYPES, ConfigDef.Type.LIST, String.join(",", LOGICAL_TYPE_NAMES),
                    ConfigDef.ValidList.in(LOGICAL_TYPE_NAMES.toArray(String[]::new)), ConfigDef.Importance.MEDIUM,
                    "The logical types to convert, by simple name. Temporal types of Debezium (`io.debezium.time.*`): "
                            + "Date, Time, MicroTime, NanoTime -> Connect Date/Time; Timestamp, MicroTimestamp, "
                            + "NanoTimestamp, ZonedTimestamp, IsoTimestamp -> Connect Timestamp (UTC instant); ZonedTime, "
                            + "IsoTime -> Connect Time (UTC time of day); IsoDate -> Connect Date. Year -> plain INT32. "
                            + "VariableScaleDecimal -> Connect Decimal with " + VARIABLE_SCALE_DECIMAL_SCALE + ". "
                            + "StringDecimal -> Connect Decimal for STRING fields that Debezium marks as DECIMAL/NUMERIC "
                            + "through column.propagate.source.type (scale from `__debezium.source.column.scale`), and for "
                            + "the fields listed in " + STRING_DECIMAL_FIELDS + ". A MySQL TIME outside [00:00, 24:00) "
                            + "cannot be a Connect Time: such a record fails with a DataException, so leave MicroTime out "
                            + "when TIME columns hold durations. Connect's own types pass unchanged.",
                    GROUP_TYPES, 1, ConfigDef.Width.LONG, "Logical types")
            .define(MICROS_HANDLING, ConfigDef.Type.STRING, MicrosHandling.TRUNCATE.configValue(),
                    ChoiceValidator.of(MicrosHandling.configValues()), ConfigDef.Importance.MEDIUM,
                    "Connect's Timestamp and Time hold milliseconds. For the types that may carry more (MicroTime, "
                            + "NanoTime, MicroTimestamp, NanoTimestamp, ZonedTimestamp, ZonedTime, IsoTime, IsoTimestamp): "
                            + "'truncate' drops the rest (floor, also before 1970); 'round' rounds half up (a time of day "
                            + "never rounds past 23:59:59.999); 'add-field' truncates and adds an INT64 field named "
                            + "after it with " + MICROS_FIELD_SUFFIX + " (`created_at_micros`) holding the exact value in microseconds: "
                            + "since the epoch for timestamps, since midnight for times. Nanoseconds are truncated to "
                            + "microseconds in every mode.",
                    GROUP_PRECISION, 1, ConfigDef.Width.SHORT, "Microseconds")
            .define(MICROS_FIELD_SUFFIX, ConfigDef.Type.STRING, "_micros", new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.LOW,
                    "Suffix of the field that 'add-field' adds; a record whose row already has a field of that name fails.",
                    GROUP_PRECISION, 2, ConfigDef.Width.SHORT, "Microseconds field suffix")
            .define(VARIABLE_SCALE_DECIMAL_SCALE, ConfigDef.Type.INT, 10, ConfigDef.Range.atLeast(0),
                    ConfigDef.Importance.LOW,
                    "Connect's Decimal has one scale per schema: VariableScaleDecimal values are rescaled to this scale "
                            + "with " + DECIMAL_ROUNDING_MODE + ".",
                    GROUP_DECIMALS, 1, ConfigDef.Width.SHORT, "Scale for variable-scale decimals")
            .define(DECIMAL_ROUNDING_MODE, ConfigDef.Type.STRING, RoundingMode.HALF_UP.name(),
                    ChoiceValidator.of(roundingModes()), ConfigDef.Importance.LOW,
                    "java.math.RoundingMode used when a decimal has more fraction digits than its target scale; "
                            + "UNNECESSARY fails such records with a DataException instead.",
                    GROUP_DECIMALS, 2, ConfigDef.Width.SHORT, "Decimal rounding")
            .define(STRING_DECIMAL_FIELDS, ConfigDef.Type.LIST, "", STRING_DECIMAL_FIELDS_VALIDATOR,
                    ConfigDef.Importance.LOW,
                    "STRING fields to convert to Connect Decimal, as `field:scale` (e.g. price:2,total:4), for "
                            + "records without propagated source types. Applies to fields of that name in any row "
                            + "(needs StringDecimal in " + LOGICAL_TYPES + ").",
                    GROUP_DECIMALS, 3, ConfigDef.Width.LONG, "String decimal fields")
            .define(SCHEMALESS_FIELD_TYPES, ConfigDef.Type.LIST, "", SCHEMALESS_FIELD_TYPES_VALIDATOR,
                    ConfigDef.Importance.LOW,
                    "Schemaless (Map) records carry no logical type names, so their fields are converted only when "
                            + "listed here as `field:type`, type being a temporal name of " + LOGICAL_TYPES
                            + ", VariableScaleDecimal (a map of scale and value), or Decimal (a string or number, kept at "
                            + "its own scale), e.g. created_at:MicroTimestamp,price:Decimal. Results are Java values "
                            + "(java.util.Date, java.math.BigDecimal) for sink-side use; " + MICROS_HANDLING
                            + " applies.",
                    GROUP_SCHEMALESS, 1, ConfigDef.Width.LONG, "Schemaless field types");

    private final Set<String> logicalTypes;
    private final Map<String, Integer> stringDecimalScales;
    private final Map<String, String> schemalessFieldTypes;

    public NormalizeConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
        logicalTypes = Set.copyOf(getList(LOGICAL_TYPES));
        Map<String, Integer> scales = new LinkedHashMap<>();
        STRING_DECIMAL_FIELDS_VALIDATOR.parse(STRING_DECIMAL_FIELDS, getList(STRING_DECIMAL_FIELDS))
                .forEach((field, scale) -> scales.put(field, Integer.valueOf(scale)));
        stringDecimalScales = Map.copyOf(scales);
        schemalessFieldTypes = Map.copyOf(
                SCHEMALESS_FIELD_TYPES_VALIDATOR.parse(SCHEMALESS_FIELD_TYPES, getList(SCHEMALESS_FIELD_TYPES)));
    }

    public boolean converts(String logicalType) {
        return logicalTypes.contains(logicalType);
    }

    public MicrosHandling microsHandling() {
        return MicrosHandling.fromConfig(getString(MICROS_HANDLING));
    }

    public String microsFieldSuffix() {
        return getString(MICROS_FIELD_SUFFIX);
    }

    public int variableScaleDecimalScale() {
        return getInt(VARIABLE_SCALE_DECIMAL_SCALE);
    }

    public RoundingMode decimalRoundingMode() {
        return RoundingMode.valueOf(getString(DECIMAL_ROUNDING_MODE).toUpperCase(java.util.Locale.ROOT));
    }

    /** Configured scales of STRING decimal fields, by field name. */
    public Map<String, Integer> stringDecimalScales() {
        return stringDecimalScales;
    }

    /** Configured types of schemaless fields, by field name. */
    public Map<String, String> schemalessFieldTypes() {
        return schemalessFieldTypes;
    }

    /** The Debezium temporal type a simple name of {@link #LOGICAL_TYPES} denotes, or null. */
    public static TemporalType debeziumTemporal(String simpleName) {
        return Arrays.stream(TemporalType.values()).filter(TemporalType::isDebezium)
                .filter(type -> type.simpleName().equals(simpleName)).findFirst().orElse(null);
    }

    private static List<String> logicalTypeNames() {
        List<String> names = new ArrayList<>(EnumSet.allOf(TemporalType.class).stream()
                .filter(TemporalType::isDebezium).map(TemporalType::simpleName).toList());
        names.addAll(List.of(YEAR, VARIABLE_SCALE_DECIMAL, STRING_DECIMAL));
        return List.copyOf(names);
    }

    private static boolean isScale(String text) {
        return text.matches("\\d{1,3}");
    }

    private static boolean isSchemalessType(String type) {
        return debeziumTemporal(type) != null || type.equals(VARIABLE_SCALE_DECIMAL) || type.equals(DECIMAL);
    }

    private static String[] roundingModes() {
        return Arrays.stream(RoundingMode.values()).map(Enum::name).toArray(String[]::new);
    }
}
