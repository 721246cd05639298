package io.cdcsuite.transforms;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import io.cdcsuite.transforms.config.ChoiceValidator;
import io.cdcsuite.transforms.config.CrossKeyCheck;
import io.cdcsuite.transforms.config.NonEmptyListValidator;
import io.cdcsuite.transforms.config.OperationListValidator;
import io.cdcsuite.transforms.config.RegexValidator;

/** Configuration of {@link ChangeFilter}, {@link IsOperation} and {@link TableMatches}, which share their criteria. */
public final class ChangeMatchConfig extends AbstractConfig {
    public static final String FILTER_MODE = "filter.mode";
    public static final String OPERATIONS = "operations";
    public static final String TABLES = "tables";
    public static final String INCLUDE = "include";
    public static final String EXCLUDE = "exclude";

    private static final String GROUP = "Selection";
    private static final String OPERATIONS_DOC = "Envelope operations to match, by code or name: c (create), u "
            + "(update), d (delete), r (read: snapshot), t (truncate), m (message). A tombstone counts as a delete; "
            + "records that are neither envelopes nor tombstones have no operation and never match.";
    private static final String TABLES_DOC = "Regular expressions matched against the whole of `db.table`, e.g. "
            + "`inventory\\.orders` or `shop\\.orders_\\d+`. The names come from the envelope's source block (db, table), "
            + "or else from the topic `prefix.db.table`.";

    public static final ConfigDef FILTER_CONFIG_DEF = new ConfigDef()
            .define(FILTER_MODE, ConfigDef.Type.STRING, INCLUDE, ChoiceValidator.of(INCLUDE, EXCLUDE),
                    ConfigDef.Importance.HIGH,
                    "'include' keeps only the matching records, 'exclude' drops them. A record matches when its "
                            + "operation is one of " + OPERATIONS + " and its table one of " + TABLES
                            + " (an unset criterion matches anything; at least one must be set).",
                    GROUP, 1, ConfigDef.Width.SHORT, "Filter mode")
            .define(OPERATIONS, ConfigDef.Type.LIST, "", new OperationListValidator(), ConfigDef.Importance.HIGH,
                    OPERATIONS_DOC, GROUP, 2, ConfigDef.Width.SHORT, "Operations", List.of(),
                    new CrossKeyCheck(ChangeMatchConfig::requireCriterion))
            .define(TABLES, ConfigDef.Type.LIST, "", new RegexValidator(), ConfigDef.Importance.HIGH,
                    TABLES_DOC, GROUP, 3, ConfigDef.Width.LONG, "Tables");

    public static final ConfigDef IS_OPERATION_CONFIG_DEF = new ConfigDef()
            .define(OPERATIONS, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.CompositeValidator.of(new NonEmptyListValidator(), new OperationListValidator()),
                    ConfigDef.Importance.HIGH, OPERATIONS_DOC, GROUP, 1, ConfigDef.Width.SHORT, "Operations");

    public static final ConfigDef TABLE_MATCHES_CONFIG_DEF = new ConfigDef()
            .define(TABLES, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.CompositeValidator.of(new NonEmptyListValidator(), new RegexValidator()),
                    ConfigDef.Importance.HIGH, TABLES_DOC, GROUP, 1, ConfigDef.Width.LONG, "Tables");

    private final ChangeMatcher matcher;

    public ChangeMatchConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals, false);
        List<String> operations = definition.names().contains(OPERATIONS) ? getList(OPERATIONS) : List.of();
        List<String> tables = definition.names().contains(TABLES) ? getList(TABLES) : List.of();
        if (definition.names().contains(FILTER_MODE)) {
            requireCriterion(values());
        }
        matcher = new ChangeMatcher(OperationListValidator.parse(OPERATIONS, operations),
                tables.stream().map(Pattern::compile).toList());
    }

    /** The filter needs a criterion: without operations or tables, every record would match. */
    private static void requireCriterion(Map<String, ?> parsed) {
        Object operations = parsed.get(OPERATIONS);
        Object tables = parsed.get(TABLES);
        if (isEmpty(operations) && isEmpty(tables)) {
            throw new ConfigException(OPERATIONS, operations, "set " + OPERATIONS + " and/or " + TABLES
                    + ": without either, every record matches");
        }
    }

    private static boolean isEmpty(Object list) {
        return list == null || ((List<?>) list).isEmpty();
    }

    ChangeMatcher matcher() {
        return matcher;
    }

    /** For the filter: true when matching records are kept, false when they are dropped. */
    boolean keepsMatches() {
        return getString(FILTER_MODE).toLowerCase(Locale.ROOT).equals(INCLUDE);
    }
}
