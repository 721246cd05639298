package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configuration error of the transforms shows on its key in Connect's validation, which embeds each
 * transform's ConfigDef under {@code transforms.<alias>.} and validates it with {@link ConfigDef#validate}; rules over
 * several keys included (a validator alone sees one key).
 */
class ConnectValidationTest {
    private static final String PREFIX = "transforms.t.";

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of(ChangeFilter.CONFIG_DEF, Map.of("filter.mode", "exclude"), "operations", "and/or tables"),
                Arguments.of(ChangeFilter.CONFIG_DEF, Map.of("operations", "r,x"), "operations", "x"),
                Arguments.of(Route.CONFIG_DEF, Map.of("table.merge.regex", "orders_\\d+"), "table.merge.replacement",
                        "must be set"),
                Arguments.of(Route.CONFIG_DEF, Map.of("database.merge.regex", "shop_\\d+",
                        "database.merge.replacement", "$1"), "database.merge.replacement", "refers to group 1"),
                Arguments.of(Route.CONFIG_DEF, Map.of("topic.template", "${nope}"), "topic.template", "unknown variable"),
                Arguments.of(Unwrap.CONFIG_DEF, Map.of("add.fields", "op,source.ts_ms:OP,op:OP"), "add.fields",
                        "both be named"),
                Arguments.of(Unwrap.CONFIG_DEF, Map.of("add.headers", "a.b.c"), "add.headers", "[struct.]field[:name]"),
                Arguments.of(Unwrap.CONFIG_DEF, Map.of("drop.fields.header.name", "changed"), "drop.fields.header.name",
                        "not supported"),
                Arguments.of(Unwrap.CONFIG_DEF, Map.of("delete.tombstone.handling.mode", "sometimes"),
                        "delete.tombstone.handling.mode", "must be one of"),
                Arguments.of(Normalize.CONFIG_DEF, Map.of("micros.handling", "sometimes"), "micros.handling",
                        "must be one of"),
                Arguments.of(KeyFromEnvelope.CONFIG_DEF, Map.of("fields", ""), "fields", "at least one"),
                Arguments.of(ConvertTimestamps.CONFIG_DEF, Map.of("fields", "a", "target.type", "string",
                        "format", "yyyy-MM-dd'T"), "format", "pattern"));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("badConfigs")
    void reportsTheErrorOnItsKey(ConfigDef definition, Map<String, String> config, String key, String message) {
        Map<String, List<String>> errors = validate(definition, config);

        assertThat(errors.get(PREFIX + key)).as(errors.toString()).singleElement().asString().contains(message);
        errors.forEach((name, messages) -> {
            if (!name.equals(PREFIX + key)) {
                assertThat(messages).as(name).isEmpty();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodConfigs")
    void reportsNothingForGoodConfigs(ConfigDef definition, Map<String, String> config) {
        assertThat(validate(definition, config)).allSatisfy((name, messages) -> assertThat(messages).as(name).isEmpty());
    }

    static Stream<Arguments> goodConfigs() {
        return Stream.of(
                Arguments.of(ChangeFilter.CONFIG_DEF, Map.of("filter.mode", "exclude", "operations", "r")),
                Arguments.of(ChangeFilter.CONFIG_DEF, Map.of("tables", "shop\\..*")),
                Arguments.of(Route.CONFIG_DEF, Map.of("table.merge.regex", "(orders)_\\d+", "table.merge.replacement", "$1")),
                Arguments.of(Unwrap.CONFIG_DEF, Map.of("add.fields", "op,source.ts_ms:OP", "add.headers", "db")));
    }

    /** Error messages by key, as Connect computes them for {@code transforms.t.*}. */
    private static Map<String, List<String>> validate(ConfigDef definition, Map<String, String> config) {
        ConfigDef embedded = new ConfigDef();
        embedded.embed(PREFIX, "Transforms: t", 0, definition);
        Map<String, String> prefixed = new HashMap<>();
        config.forEach((key, value) -> prefixed.put(PREFIX + key, value));
        Map<String, List<String>> errors = new HashMap<>();
        for (ConfigValue value : embedded.validate(prefixed)) {
            errors.put(value.name(), value.errorMessages());
        }
        return errors;
    }
}
