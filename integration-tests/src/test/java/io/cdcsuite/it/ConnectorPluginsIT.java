package io.cdcsuite.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.PackagedPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker, with plugin.discovery=service_load, sees every plugin class the suite ships, and Debezium's. */
@ExtendWith(StackExtension.class)
class ConnectorPluginsIT {
    @Test
    void workerListsEverySuitePluginAndDebezium(TestEnvironment env) throws IOException {
        List<String> listed = env.connect().connectorPlugins(false).stream()
                .map(plugin -> (String) plugin.get("class"))
                .toList();

        for (String module : PackagedPlugins.MODULES) {
            List<String> shipped = PackagedPlugins.serviceClasses(module);
            assertThat(shipped).as("plugin classes in %s's META-INF/services", module).isNotEmpty();
            assertThat(listed).as("plugins the worker loaded").containsAll(shipped);
        }
        assertThat(listed).contains("io.debezium.connector.mysql.MySqlConnector");
    }
}
