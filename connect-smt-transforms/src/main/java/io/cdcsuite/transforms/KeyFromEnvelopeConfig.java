package io.cdcsuite.transforms;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

import io.cdcsuite.transforms.config.NonEmptyListValidator;

/** Configuration of {@link KeyFromEnvelope}. */
public final class KeyFromEnvelopeConfig extends AbstractConfig {
    public static final String FIELDS = "fields";
    public static final String REPLACE_EXISTING_KEY = "replace.existing.key";

    private static final String GROUP = "Key";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELDS, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyListValidator(),
                    ConfigDef.Importance.HIGH,
                    "Row fields that make up the key, in key order (usually the primary-key columns). They are read "
                            + "from 'after', or from 'before' for deletes; a flat row is read directly.",
                    GROUP, 1, ConfigDef.Width.LONG, "Key fields")
            .define(REPLACE_EXISTING_KEY, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                    "false: only records without a key get one; true: every record's key is rebuilt.",
                    GROUP, 2, ConfigDef.Width.SHORT, "Replace existing key");

    public KeyFromEnvelopeConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals, false);
    }

    List<String> fields() {
        return getList(FIELDS).stream().map(String::trim).toList();
    }

    boolean replaceExistingKey() {
        return getBoolean(REPLACE_EXISTING_KEY);
    }
}
