package io.cdcsuite.sink.cassandra.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.datastax.dse.driver.api.core.config.DseDriverOption;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverOption;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;

/**
 * Driver settings passed through from connector keys prefixed with {@code driver.}: the rest of the key is a
 * path of the driver's configuration (its {@code reference.conf}, e.g.
 * {@code driver.advanced.connection.pool.local.size=2}, {@code driver.basic.request.timeout=5 seconds}, or
 * {@code driver.profiles.<name>.<path>}). Values are strings as in the driver's HOCON files; a value in
 * brackets, {@code [a, b]}, is a list. Options that have a connector key of their own may not be passed
 * through, so that one setting cannot be given two ways.
 */
public final class DriverSettings {
    public static final String PREFIX = "driver.";

    private static final Set<String> KNOWN_PATHS = Stream.concat(
                    Arrays.stream(DefaultDriverOption.values()).map(DefaultDriverOption::getPath),
                    Arrays.stream(DseDriverOption.values()).map(DseDriverOption::getPath))
            .collect(Collectors.toUnmodifiableSet());

    /** Driver options that have a connector key of their own, with that key. */
    private static final Map<String, String> MANAGED_PATHS = Map.ofEntries(
            Map.entry(DefaultDriverOption.CONTACT_POINTS.getPath(), CassandraSinkConfig.CONTACT_POINTS),
            Map.entry(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER.getPath(), CassandraSinkConfig.LOCAL_DATACENTER),
            Map.entry(DefaultDriverOption.CLOUD_SECURE_CONNECT_BUNDLE.getPath(), CassandraSinkConfig.CLOUD_BUNDLE),
            Map.entry(DefaultDriverOption.AUTH_PROVIDER_CLASS.getPath(), CassandraSinkConfig.AUTH_USERNAME),
            Map.entry(DefaultDriverOption.AUTH_PROVIDER_USER_NAME.getPath(), CassandraSinkConfig.AUTH_USERNAME),
            Map.entry(DefaultDriverOption.AUTH_PROVIDER_PASSWORD.getPath(), CassandraSinkConfig.AUTH_PASSWORD),
            Map.entry(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS.getPath(), CassandraSinkConfig.SSL_ENABLED),
            Map.entry(DefaultDriverOption.SSL_TRUSTSTORE_PATH.getPath(), CassandraSinkConfig.SSL_TRUSTSTORE_PATH),
            Map.entry(DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD.getPath(), CassandraSinkConfig.SSL_TRUSTSTORE_PASSWORD),
            Map.entry(DefaultDriverOption.SSL_KEYSTORE_PATH.getPath(), CassandraSinkConfig.SSL_KEYSTORE_PATH),
            Map.entry(DefaultDriverOption.SSL_KEYSTORE_PASSWORD.getPath(), CassandraSinkConfig.SSL_KEYSTORE_PASSWORD),
            Map.entry(DefaultDriverOption.SSL_HOSTNAME_VALIDATION.getPath(), CassandraSinkConfig.SSL_HOSTNAME_VALIDATION),
            Map.entry(DefaultDriverOption.SESSION_NAME.getPath(), "the connector name"));

    private final Map<String, String> settings;

    private DriverSettings(Map<String, String> settings) {
        this.settings = settings;
    }

    /** Collects the {@code driver.*} entries of a connector configuration, in key order. */
    public static DriverSettings from(Map<String, ?> originals) {
        Map<String, String> settings = new LinkedHashMap<>();
        originals.keySet().stream().filter(k -> k.startsWith(PREFIX)).sorted().forEach(key -> {
            Object value = originals.get(key);
            settings.put(key.substring(PREFIX.length()), value == null ? "" : value.toString().trim());
        });
        return new DriverSettings(settings);
    }

    /** Problems per connector key ({@code driver.<path>}); empty when every setting can be applied. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        settings.forEach((path, value) -> {
            String basePath = withoutProfile(path);
            if (basePath == null) {
                problems.put(PREFIX + path, "an execution profile setting must look like profiles.<name>.<option path>");
            } else if (MANAGED_PATHS.containsKey(basePath)) {
                problems.put(PREFIX + path, "the driver option '" + basePath + "' is set by '"
                        + MANAGED_PATHS.get(basePath) + "'; use that instead");
            } else if (!KNOWN_PATHS.contains(basePath)) {
                problems.put(PREFIX + path, "'" + basePath + "' is not an option of the Java driver "
                        + "(see its reference.conf)");
            } else if (value.isEmpty()) {
                problems.put(PREFIX + path, "empty value");
            }
        });
        return problems;
    }

    public void applyTo(ProgrammaticDriverConfigLoaderBuilder builder) {
        settings.forEach((path, value) -> {
            DriverOption option = () -> path;
            if (value.startsWith("[") && value.endsWith("]")) {
                builder.withStringList(option, listItems(value));
            } else {
                // the driver's typesafe config converts strings to numbers, booleans and durations on read
                builder.withString(option, value);
            }
        });
    }

    private static List<String> listItems(String value) {
        String inner = value.substring(1, value.length() - 1).trim();
        if (inner.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(inner.split(","))
                .map(String::trim)
                .map(item -> item.length() >= 2 && item.startsWith("\"") && item.endsWith("\"")
                        ? item.substring(1, item.length() - 1) : item)
                .toList();
    }

    /** The option path without a {@code profiles.<name>.} prefix; null when such a prefix is malformed. */
    private static String withoutProfile(String path) {
        if (!path.startsWith("profiles.")) {
            return path;
        }
        String rest = path.substring("profiles.".length());
        int dot = rest.indexOf('.');
        return dot <= 0 || dot == rest.length() - 1 ? null : rest.substring(dot + 1);
    }
}
