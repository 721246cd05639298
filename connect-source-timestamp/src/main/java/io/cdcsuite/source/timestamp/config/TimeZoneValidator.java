package io.cdcsuite.source.timestamp.config;

import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * {@code SERVER}, a UTC offset such as {@code +02:00}, or a zone name MySQL knows ({@code SYSTEM}, or a region such
 * as {@code Europe/Berlin} when the server's time zone tables are loaded). The database itself resolves it.
 */
public final class TimeZoneValidator implements ConfigDef.Validator {
    public static final String SERVER = "SERVER";
    private static final Pattern ZONE = Pattern.compile("[+-]\\d{1,2}:\\d{2}|[A-Za-z][A-Za-z0-9_/+-]*");

    @Override
    public void ensureValid(String name, Object value) {
        String zone = (String) value;
        if (zone == null || !ZONE.matcher(zone).matches()) {
            throw new ConfigException(name, value, "must be SERVER, an offset such as +02:00, or a time zone name");
        }
    }

    @Override
    public String toString() {
        return "SERVER, +HH:MM, or a MySQL time zone name";
    }
}
