package io.cdcsuite.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A name built from a change-event topic's parts: {@code ${prefix}}, {@code ${db}} and {@code ${table}} between
 * literal text, e.g. {@code ${db}_${table}}. Doubles as the validator of the keys that hold templates.
 */
final class TopicTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern LEGAL_TEXT = Pattern.compile("[a-zA-Z0-9._-]*");
    static final String PREFIX = "prefix";
    static final String DATABASE = "db";
    static final String TABLE = "table";

    private final List<Object> parts;

    private TopicTemplate(List<Object> parts) {
        this.parts = parts;
    }

    /** Parses a template; an unknown variable or a character Kafka does not allow in topic names is an error. */
    static TopicTemplate parse(String key, String template) {
        if (template == null || template.isEmpty()) {
            throw new ConfigException(key, template, "must not be empty");
        }
        List<Object> parts = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(template);
        int end = 0;
        while (matcher.find()) {
            addText(key, template, template.substring(end, matcher.start()), parts);
            String variable = matcher.group(1);
            if (!variable.equals(PREFIX) && !variable.equals(DATABASE) && !variable.equals(TABLE)) {
                throw new ConfigException(key, template, "unknown variable ${" + variable + "}; use ${prefix}, ${db}, ${table}");
            }
            parts.add(new Variable(variable));
            end = matcher.end();
        }
        addText(key, template, template.substring(end), parts);
        return new TopicTemplate(List.copyOf(parts));
    }

    private static void addText(String key, String template, String text, List<Object> parts) {
        if (!LEGAL_TEXT.matcher(text).matches()) {
            throw new ConfigException(key, template, "'" + text + "' has characters not allowed in topic names "
                    + "(letters, digits, '.', '_' and '-' are)");
        }
        if (!text.isEmpty()) {
            parts.add(text);
        }
    }

    /** True when the template refers to the variable, e.g. {@code ${table}}. */
    boolean uses(String variable) {
        return parts.contains(new Variable(variable));
    }

    String render(String prefix, String database, String table) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Variable variable) {
                out.append(switch (variable.name()) {
                    case PREFIX -> prefix;
                    case DATABASE -> database;
                    default -> table;
                });
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    private record Variable(String name) {
    }

    /** Validates a template-valued key. */
    static final class Validator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            parse(name, (String) value);
        }

        @Override
        public String toString() {
            return "text with ${prefix}, ${db}, ${table}";
        }
    }
}
