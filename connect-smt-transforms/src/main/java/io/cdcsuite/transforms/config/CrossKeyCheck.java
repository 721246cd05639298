package io.cdcsuite.transforms.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A rule over several keys, reported on the key it is attached to. A {@link ConfigDef.Validator} sees only its own
 * key's value; Connect's {@code PUT /connector-plugins/<class>/config/validate} also asks each key's recommender, with
 * the whole parsed configuration (of the transform, for {@code transforms.<alias>.*} keys), and reports a
 * {@link ConfigException} thrown there on that key. The config class runs the same rule when it is constructed.
 * It recommends no values.
 */
public final class CrossKeyCheck implements ConfigDef.Recommender {
    /** The rule: throws a {@link ConfigException} naming the key to fix. */
    @FunctionalInterface
    public interface Rule {
        void check(Map<String, ?> parsed);
    }

    private final Rule rule;

    public CrossKeyCheck(Rule rule) {
        this.rule = rule;
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsed) {
        rule.check(parsed);
        return new ArrayList<>();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsed) {
        return true;
    }
}
