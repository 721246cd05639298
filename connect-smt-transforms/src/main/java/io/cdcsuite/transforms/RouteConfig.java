package io.cdcsuite.transforms;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import io.cdcsuite.transforms.config.CrossKeyCheck;
import io.cdcsuite.transforms.config.RegexValidator;

/** Configuration of {@link Route}. */
public final class RouteConfig extends AbstractConfig {
    public static final String TOPIC_TEMPLATE = "topic.template";
    public static final String DATABASE_MERGE_REGEX = "database.merge.regex";
    public static final String DATABASE_MERGE_REPLACEMENT = "database.merge.replacement";
    public static final String TABLE_MERGE_REGEX = "table.merge.regex";
    public static final String TABLE_MERGE_REPLACEMENT = "table.merge.replacement";
    public static final String KEY_ENFORCE_UNIQUENESS = "key.enforce.uniqueness";
    public static final String KEY_FIELD_NAME = "key.field.name";
    public static final String KEY_FIELD_VALUE = "key.field.value";

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d+)");
    private static final String GROUP_TOPIC = "Topic";
    private static final String GROUP_MERGE = "Merging sharded databases and tables";
    private static final String GROUP_KEY = "Key uniqueness";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TOPIC_TEMPLATE, ConfigDef.Type.STRING, "${prefix}.${db}.${table}", new TopicTemplate.Validator(),
                    ConfigDef.Importance.HIGH,
                    "The new topic, from the parts of `prefix.db.table` (after merging): ${prefix}, ${db}, "
                            + "${table}, e.g. `${db}_${table}` or `${table}`.",
                    GROUP_TOPIC, 1, ConfigDef.Width.MEDIUM, "Topic template")
            .define(DATABASE_MERGE_REGEX, ConfigDef.Type.STRING, "", new RegexValidator(), ConfigDef.Importance.MEDIUM,
                    "Databases whose whole name matches are merged into " + DATABASE_MERGE_REPLACEMENT
                            + " (sharded databases, e.g. `shop_\\d+`).",
                    GROUP_MERGE, 1, ConfigDef.Width.MEDIUM, "Database merge regex")
            .define(DATABASE_MERGE_REPLACEMENT, ConfigDef.Type.STRING, "", null, ConfigDef.Importance.MEDIUM,
                    "The merged database name; may refer to groups of the regex ($1).",
                    GROUP_MERGE, 2, ConfigDef.Width.MEDIUM, "Database merge replacement", List.of(),
                    new CrossKeyCheck(parsed -> requireReplacement(DATABASE_MERGE_REGEX, DATABASE_MERGE_REPLACEMENT,
                            parsed)))
            .define(TABLE_MERGE_REGEX, ConfigDef.Type.STRING, "", new RegexValidator(), ConfigDef.Importance.MEDIUM,
                    "Tables whose whole name matches are merged into " + TABLE_MERGE_REPLACEMENT
                            + " (sharded tables, e.g. `orders_\\d+`).",
                    GROUP_MERGE, 3, ConfigDef.Width.MEDIUM, "Table merge regex")
            .define(TABLE_MERGE_REPLACEMENT, ConfigDef.Type.STRING, "", null, ConfigDef.Importance.MEDIUM,
                    "The merged table name, e.g. orders; may refer to groups of the regex ($1).",
                    GROUP_MERGE, 4, ConfigDef.Width.MEDIUM, "Table merge replacement", List.of(),
                    new CrossKeyCheck(parsed -> requireReplacement(TABLE_MERGE_REGEX, TABLE_MERGE_REPLACEMENT,
                            parsed)))
            .define(KEY_ENFORCE_UNIQUENESS, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Merged tables may have the same primary key values: add to the key of every merged record a "
                            + "STRING field naming its physical table (as Debezium's ByLogicalTableRouter does). A record "
                            + "counts as merged when a merge regex renamed its database or table, or when "
                            + TOPIC_TEMPLATE + " leaves out ${db} or ${table}. Turn off only when keys are unique "
                            + "across the merged tables.",
                    GROUP_KEY, 1, ConfigDef.Width.SHORT, "Enforce key uniqueness")
            .define(KEY_FIELD_NAME, ConfigDef.Type.STRING, "__dbz__physicalTableIdentifier", new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.LOW,
                    "Name of the key field added to merged records (Debezium's default).",
                    GROUP_KEY, 2, ConfigDef.Width.MEDIUM, "Key field name")
            .define(KEY_FIELD_VALUE, ConfigDef.Type.STRING, "${db}.${table}", new TopicTemplate.Validator(),
                    ConfigDef.Importance.LOW,
                    "What the added key field holds, from the physical (unmerged) names; ${prefix}.${db}.${table} "
                            + "gives Debezium's value, the original topic.",
                    GROUP_KEY, 3, ConfigDef.Width.MEDIUM, "Key field value");

    public RouteConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
        requireReplacement(DATABASE_MERGE_REGEX, DATABASE_MERGE_REPLACEMENT, values());
        requireReplacement(TABLE_MERGE_REGEX, TABLE_MERGE_REPLACEMENT, values());
    }

    /** A merge regex needs a replacement, which may refer only to groups the regex has. */
    private static void requireReplacement(String regexKey, String replacementKey, Map<String, ?> parsed) {
        String regex = (String) parsed.get(regexKey);
        String replacement = parsed.get(replacementKey) == null ? "" : (String) parsed.get(replacementKey);
        if (regex == null || regex.isEmpty() || !RegexValidator.isValid(regex)) {
            return;
        }
        if (replacement.isEmpty()) {
            throw new ConfigException(replacementKey, "", "must be set when " + regexKey + " is");
        }
        int groups = Pattern.compile(regex).matcher("").groupCount();
        Matcher reference = GROUP_REFERENCE.matcher(replacement);
        while (reference.find()) {
            if (Integer.parseInt(reference.group(1)) > groups) {
                throw new ConfigException(replacementKey, replacement, "refers to group " + reference.group(1)
                        + " but " + regexKey + " has " + groups);
            }
        }
    }

    TopicTemplate topicTemplate() {
        return TopicTemplate.parse(TOPIC_TEMPLATE, getString(TOPIC_TEMPLATE));
    }

    TopicTemplate keyFieldValue() {
        return TopicTemplate.parse(KEY_FIELD_VALUE, getString(KEY_FIELD_VALUE));
    }

    /** The database merge rule, or null when databases are not merged. */
    NameMerge databaseMerge() {
        return NameMerge.of(getString(DATABASE_MERGE_REGEX), getString(DATABASE_MERGE_REPLACEMENT));
    }

    /** The table merge rule, or null when tables are not merged. */
    NameMerge tableMerge() {
        return NameMerge.of(getString(TABLE_MERGE_REGEX), getString(TABLE_MERGE_REPLACEMENT));
    }

    boolean keyEnforceUniqueness() {
        return getBoolean(KEY_ENFORCE_UNIQUENESS);
    }

    String keyFieldName() {
        return getString(KEY_FIELD_NAME);
    }

    /** Renames names that match a regex as a whole. */
    record NameMerge(Pattern regex, String replacement) {
        static NameMerge of(String regex, String replacement) {
            return regex.isEmpty() ? null : new NameMerge(Pattern.compile(regex), replacement);
        }

        String apply(String name) {
            Matcher matcher = regex.matcher(name);
            if (!matcher.matches()) {
                return name;
            }
            StringBuilder merged = new StringBuilder();
            matcher.appendReplacement(merged, replacement);
            return merged.toString();
        }
    }
}
