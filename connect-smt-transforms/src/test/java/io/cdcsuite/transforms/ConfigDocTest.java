package io.cdcsuite.transforms;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import io.cdcsuite.common.config.ConfigDocMarkdown;
import io.cdcsuite.common.testing.ConfigDocFile;

/** Keeps docs/config/connect-smt-transforms.md in step with the transforms' ConfigDefs. */
class ConfigDocTest {
    private record Documented(Class<?> type, String overview, ConfigDef config) {
    }

    private static final List<Documented> PLUGINS = List.of(
            new Documented(Normalize.class, Normalize.OVERVIEW_DOC, Normalize.CONFIG_DEF),
            new Documented(Unwrap.class, Unwrap.OVERVIEW_DOC, Unwrap.CONFIG_DEF),
            new Documented(Route.class, Route.OVERVIEW_DOC, Route.CONFIG_DEF),
            new Documented(ChangeFilter.class, ChangeFilter.OVERVIEW_DOC, ChangeFilter.CONFIG_DEF),
            new Documented(KeyFromEnvelope.class, KeyFromEnvelope.OVERVIEW_DOC, KeyFromEnvelope.CONFIG_DEF),
            new Documented(ConvertTimestamps.class, ConvertTimestamps.OVERVIEW_DOC, ConvertTimestamps.CONFIG_DEF),
            new Documented(IsOperation.class, IsOperation.OVERVIEW_DOC, IsOperation.CONFIG_DEF),
            new Documented(TableMatches.class, TableMatches.OVERVIEW_DOC, TableMatches.CONFIG_DEF));

    @Test
    void configReferenceIsCurrent() {
        StringBuilder doc = new StringBuilder("# CDC single-message transforms\n\n")
                .append("Transforms (`org.apache.kafka.connect.transforms.Transformation`) and predicates for the change ")
                .append("events of both capture paths. Transforms with a `$Key` and a `$Value` variant apply to the ")
                .append("record key or value; the others to the whole record.\n\n");
        for (Documented plugin : PLUGINS) {
            String title = plugin.type().getSimpleName() + " (`" + plugin.type().getName() + "`)";
            // one level down, so that the file has a single top-level title
            doc.append(ConfigDocMarkdown.render(title, plugin.overview(), plugin.config()).replaceAll("(?m)^#", "##"));
        }
        ConfigDocFile.assertCurrent(ConfigDocFile.forPlugin("connect-smt-transforms"), doc.toString());
    }
}
