package io.cdcsuite.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cdcsuite.stack.ConnectWorker;
import io.cdcsuite.stack.ConnectorConfigs;
import io.cdcsuite.stack.StackLayout;
import org.junit.jupiter.api.Test;

/** docker-compose.yml refers only to files that exist, and its worker runs the local stack's configuration. */
class DockerComposeTest {
    private final Path project = StackLayout.locate().projectDir();

    @Test
    void everyMountedHostPathExists() throws IOException {
        List<Path> mounts = new ArrayList<>();
        compose().path("services").forEach(service -> service.path("volumes").forEach(volume -> {
            String hostPath = volume.asText().split(":")[0];
            if (hostPath.startsWith("./")) {
                mounts.add(project.resolve(hostPath.substring(2)));
            }
        }));

        assertThat(mounts).isNotEmpty().allSatisfy(path -> assertThat(path).exists());
    }

    @Test
    void servesThePipelineParts() throws IOException {
        JsonNode services = compose().path("services");
        assertThat(services.fieldNames()).toIterable()
                .contains("kafka", "mysql", "cassandra", "connect", "register");
        services.forEach(service -> {
            if (service.has("ports")) {
                assertThat(service.has("healthcheck")).as("service with ports has a healthcheck: %s", service).isTrue();
            }
        });
        assertThat(services.path("connect").path("environment").path("CDC_MYSQL_HOST").asText()).isEqualTo("mysql");
    }

    @Test
    void workerConfigIsTheLocalStacksRenderedForCompose() throws IOException {
        Path rendered = ConnectWorker.writeConfig(Files.createTempFile("worker", ".properties"), "kafka:9092", 8083,
                "/opt/connect/plugins");
        Map<String, String> expected = properties(rendered);
        expected.put("listeners", "http://0.0.0.0:8083");
        expected.put("rest.advertised.host.name", "connect");

        assertThat(properties(project.resolve("docker/connect/worker.properties"))).isEqualTo(expected);
    }

    @Test
    void registeredConnectorConfigsParseAndReadSecretsFromFiles() {
        List<Path> configs = ConnectorConfigs.list(project.resolve("config/connectors"));
        assertThat(configs).isNotEmpty();
        for (Path file : configs) {
            Map<String, String> config = ConnectorConfigs.read(file);
            config.forEach((key, value) -> {
                if (key.contains("password") || key.contains("token") || key.contains("secret")) {
                    assertThat(value).as("%s in %s comes from a config provider", key, file).startsWith("${file:");
                }
            });
        }
    }

    private JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(project.resolve("docker-compose.yml").toFile());
    }

    private static Map<String, String> properties(Path file) throws IOException {
        Properties props = new Properties();
        try (var in = Files.newInputStream(file)) {
            props.load(in);
        }
        Map<String, String> map = new TreeMap<>();
        props.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }
}
