package io.cdcsuite.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The connector JSON files of {@code config/connectors/}: each is the body of
 * {@code PUT /connectors/<name>/config}, a flat map holding its own {@code name}.
 */
public final class ConnectorConfigs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectorConfigs() {
    }

    public static Map<String, String> read(Path file) {
        try {
            Map<String, Object> raw = JSON.readValue(file.toFile(), new TypeReference<>() { });
            Map<String, String> config = new LinkedHashMap<>();
            raw.forEach((key, value) -> config.put(key, String.valueOf(value)));
            if (!config.containsKey("name") || !config.containsKey("connector.class")) {
                throw new StackException(file + ": a connector config needs \"name\" and \"connector.class\"");
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("reading connector config " + file, e);
        }
    }

    /** Every {@code *.json} in a folder, sorted by file name (so numbered files register in order). */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
