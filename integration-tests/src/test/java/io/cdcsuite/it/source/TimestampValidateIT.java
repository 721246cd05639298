package io.cdcsuite.it.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.TimestampSourceConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code PUT /connector-plugins/TimestampSourceConnector/config/validate} on the real worker reports each problem on
 * the key the README names, against the real database, and nothing on the other keys.
 */
@ExtendWith(StackExtension.class)
class TimestampValidateIT {

    @Test
    void validateReportsEachProblemOnTheKeyToChange(TestEnvironment env) {
        Scenario scenario = Scenario.named("tsvalid");
        String db = scenario.database();
        String timestamp = "last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)";
        MySql.execute(env, "CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".good (id INT NOT NULL PRIMARY KEY, " + timestamp + ")",
                "CREATE TABLE " + db + ".nullable_ts (id INT NOT NULL PRIMARY KEY, last_updated TIMESTAMP(3) NULL)",
                "CREATE TABLE " + db + ".no_key (id INT NOT NULL, " + timestamp + ")");

        assertThat(errors(env, config(env, scenario, "good"))).as("a valid config").isEmpty();
        assertThat(errors(env, config(env, scenario, "missing")))
                .containsOnlyKeys("table.include.list")
                .hasEntrySatisfying("table.include.list", e -> assertThat(e).singleElement().asString()
                        .contains("no table matches"));
        assertThat(errors(env, config(env, scenario, "nullable_ts")))
                .containsOnlyKeys("timestamp.column.name")
                .hasEntrySatisfying("timestamp.column.name", e -> assertThat(e).singleElement().asString()
                        .contains("can be NULL").contains("timestamp.column.nullable.allowed"));
        assertThat(errors(env, config(env, scenario, "no_key")))
                .containsOnlyKeys("key.columns.override")
                .hasEntrySatisfying("key.columns.override", e -> assertThat(e).singleElement().asString()
                        .contains("has no primary key"));

        Map<String, String> badPassword = config(env, scenario, "good");
        badPassword.put("database.password", "wrong");
        assertThat(errors(env, badPassword))
                .containsOnlyKeys("database.hostname")
                .hasEntrySatisfying("database.hostname", e -> assertThat(e).singleElement().asString()
                        .contains("cannot connect").contains("Access denied"));

        Map<String, String> noPrefix = config(env, scenario, "good");
        noPrefix.remove("topic.prefix");
        assertThat(errors(env, noPrefix)).containsOnlyKeys("topic.prefix");
    }

    private static Map<String, String> config(TestEnvironment env, Scenario scenario, String table) {
        return TimestampSourceConfigs.mysql(env, scenario, scenario.connector("ts"), scenario.topicPrefix(), table);
    }

    /** The validation's error messages by key, only for keys that have some. */
    private static Map<String, List<String>> errors(TestEnvironment env, Map<String, String> config) {
        JsonNode result = env.connect().validate(TimestampSourceConfigs.CONNECTOR_CLASS, config);
        Map<String, List<String>> errors = new TreeMap<>();
        for (JsonNode entry : result.path("configs")) {
            List<String> messages = new ArrayList<>();
            entry.path("value").path("errors").forEach(message -> messages.add(message.asText()));
            if (!messages.isEmpty()) {
                errors.put(entry.path("value").path("name").asText(), messages);
            }
        }
        assertThat(result.path("error_count").asInt()).as("error_count of %s", errors)
                .isEqualTo(errors.values().stream().mapToInt(List::size).sum());
        return errors;
    }
}
