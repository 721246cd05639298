package io.cdcsuite.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders a {@link ConfigDef} as a Markdown reference, one section per group in declaration order. The suite
 * commits the rendered file for every plugin under {@code docs/}; a test in each module fails when it is stale.
 */
public final class ConfigDocMarkdown {
    private ConfigDocMarkdown() {
    }

    public static String render(String title, String overview, ConfigDef configDef) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n");
        out.append("<!-- Generated from the plugin's ConfigDef by ConfigDocMarkdown; do not edit by hand. -->\n\n");
        if (overview != null && !overview.isBlank()) {
            out.append(overview.strip()).append("\n\n");
        }
        for (Map.Entry<String, List<ConfigDef.ConfigKey>> group : byGroup(configDef).entrySet()) {
            out.append("## ").append(group.getKey()).append("\n\n");
            for (ConfigDef.ConfigKey key : group.getValue()) {
                renderKey(out, key);
            }
        }
        return out.toString();
    }

    private static Map<String, List<ConfigDef.ConfigKey>> byGroup(ConfigDef configDef) {
        Map<String, List<ConfigDef.ConfigKey>> groups = new LinkedHashMap<>();
        for (String group : configDef.groups()) {
            groups.put(group, new ArrayList<>());
        }
        for (ConfigDef.ConfigKey key : configDef.configKeys().values()) {
            String group = key.group == null ? "Other" : key.group;
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(key);
        }
        groups.values().forEach(keys -> keys.sort((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup)));
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private static void renderKey(StringBuilder out, ConfigDef.ConfigKey key) {
        out.append("### `").append(key.name).append("`\n\n");
        if (key.displayName != null && !key.displayName.equals(key.name)) {
            out.append("**").append(key.displayName).append("**. ");
        }
        out.append(key.documentation == null ? "" : key.documentation.strip()).append("\n\n");
        out.append("| | |\n|---|---|\n");
        out.append("| Type | ").append(key.type.name().toLowerCase()).append(" |\n");
        out.append("| Default | ").append(defaultText(key)).append(" |\n");
        if (key.validator != null) {
            out.append("| Valid values | ").append(escape(key.validator.toString())).append(" |\n");
        }
        out.append("| Importance | ").append(key.importance.name().toLowerCase()).append(" |\n\n");
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object value = key.defaultValue;
        if (value == null) {
            return "null";
        }
        if (value instanceof Password) {
            return "[hidden]";
        }
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return text.isEmpty() ? "\"\"" : "`" + escape(text) + "`";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
