package io.cdcsuite.transforms;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

import io.cdcsuite.transforms.config.ChoiceValidator;
import io.cdcsuite.transforms.config.DateTimePatternValidator;
import io.cdcsuite.transforms.config.NonEmptyListValidator;
import io.cdcsuite.transforms.config.ZoneIdValidator;

/** Configuration of {@link ConvertTimestamps}. */
public final class ConvertTimestampsConfig extends AbstractConfig {
    public static final String FIELDS = "fields";
    public static final String TARGET_TYPE = "target.type";
    public static final String FORMAT = "format";
    public static final String TIMEZONE = "timezone";
    public static final String UNIX_PRECISION = "unix.precision";

    /** What the converted fields become. */
    public enum TargetType {
        STRING("string"), UNIX_MS("unix_ms"), UNIX_US("unix_us"), TIMESTAMP("Timestamp"), DATE("Date");

        private final String configValue;

        TargetType(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }

        static TargetType fromConfig(String value) {
            return Arrays.stream(values()).filter(type -> type.configValue.equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown target type '" + value + "'"));
        }
    }

    /** The unit of plain integer inputs (no logical type): seconds, milliseconds, ... since the epoch. */
    public enum UnixPrecision {
        SECONDS(1_000_000L), MILLISECONDS(1_000L), MICROSECONDS(1L), NANOSECONDS(-1_000L);

        /** Microseconds per unit; negative: units per microsecond. */
        private final long factor;

        UnixPrecision(long factor) {
            this.factor = factor;
        }

        long toMicros(long value) {
            return factor > 0 ? Math.multiplyExact(value, factor) : Math.floorDiv(value, -factor);
        }
    }

    private static final String GROUP = "Conversion";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELDS, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyListValidator(),
                    ConfigDef.Importance.HIGH,
                    "Fields to convert, e.g. created_at,updated_at: in the before and after rows of an envelope, or "
                            + "top-level fields of a flat row. Rows without a listed field pass as they are.",
                    GROUP, 1, ConfigDef.Width.LONG, "Fields")
            .define(TARGET_TYPE, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ChoiceValidator.of(Arrays.stream(TargetType.values())
                            .map(TargetType::configValue).toArray(String[]::new)),
                    ConfigDef.Importance.HIGH,
                    "string (formatted with " + FORMAT + " in " + TIMEZONE + ", microseconds kept), unix_ms, unix_us "
                            + "(INT64 since the epoch; for times of day: since midnight), Timestamp or Date (Connect's "
                            + "logical types; Timestamp holds milliseconds, so microseconds are truncated; Date is the "
                            + "calendar date in " + TIMEZONE + "). Dates (no time) become the start of that day in "
                            + TIMEZONE + " where an instant is needed.",
                    GROUP, 2, ConfigDef.Width.SHORT, "Target type")
            .define(FORMAT, ConfigDef.Type.STRING, "", new DateTimePatternValidator(), ConfigDef.Importance.MEDIUM,
                    "java.time DateTimeFormatter pattern used to write strings and to parse string inputs, e.g. "
                            + "yyyy-MM-dd HH:mm:ss.SSSSSS. Empty: ISO-8601 (2024-03-01T10:15:30.123456Z; strings are "
                            + "also read with a space instead of the T).",
                    GROUP, 3, ConfigDef.Width.MEDIUM, "Format")
            .define(TIMEZONE, ConfigDef.Type.STRING, "UTC", new ZoneIdValidator(), ConfigDef.Importance.MEDIUM,
                    "Time zone for formatting, for parsing strings without an offset, and for the calendar date of "
                            + "an instant.",
                    GROUP, 4, ConfigDef.Width.SHORT, "Time zone")
            .define(UNIX_PRECISION, ConfigDef.Type.STRING, UnixPrecision.MILLISECONDS.name().toLowerCase(Locale.ROOT),
                    ChoiceValidator.of(Arrays.stream(UnixPrecision.values())
                            .map(precision -> precision.name().toLowerCase(Locale.ROOT)).toArray(String[]::new)),
                    ConfigDef.Importance.LOW,
                    "Unit of integer inputs that carry no logical type (Debezium's and Connect's temporal types are "
                            + "recognised by name).",
                    GROUP, 5, ConfigDef.Width.SHORT, "Unix precision of inputs");

    public ConvertTimestampsConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
    }

    List<String> fields() {
        return getList(FIELDS).stream().map(String::trim).toList();
    }

    TargetType targetType() {
        return TargetType.fromConfig(getString(TARGET_TYPE));
    }

    /** The configured pattern, or null for ISO-8601. */
    DateTimeFormatter format() {
        String pattern = getString(FORMAT);
        return pattern.isEmpty() ? null : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    }

    ZoneId timezone() {
        return ZoneId.of(getString(TIMEZONE));
    }

    UnixPrecision unixPrecision() {
        return UnixPrecision.valueOf(getString(UNIX_PRECISION).toUpperCase(Locale.ROOT));
    }
}
