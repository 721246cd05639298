package io.cdcsuite.transforms.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a Java regular expression, or a list of them; an empty value means "not set". */
public final class RegexValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        if (value instanceof List<?> list) {
            list.forEach(item -> check(name, String.valueOf(item)));
        } else if (value != null) {
            check(name, value.toString());
        }
    }

    /** True when {@code regex} compiles (a cross-key rule leaves invalid ones to this validator). */
    public static boolean isValid(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static void check(String name, String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, regex, "not a valid regular expression: " + e.getDescription());
        }
    }

    @Override
    public String toString() {
        return "Java regular expression(s)";
    }
}
