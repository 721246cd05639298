package io.cdcsuite.source.timestamp.config;

import java.util.List;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Every entry of the list must be a valid Java regular expression. */
public final class RegexListValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> regexes = (List<String>) value;
        try {
            TableFilter.compile(regexes);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, value, "not a valid regular expression: " + e.getDescription()
                    + " in '" + e.getPattern() + "'");
        }
    }

    @Override
    public String toString() {
        return "list of regular expressions matching <db>.<table>";
    }
}
