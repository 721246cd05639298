package io.cdcsuite.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The loopback ports of one stack; saved in reuse mode so the next JVM can attach to the same servers. */
record Ports(int mysql, int kafka, int kafkaController, List<Integer> connect, int cql, int cassandraStorage) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Ports allocate(int connectWorkers) {
        List<Integer> connect = new ArrayList<>();
        for (int i = 0; i < connectWorkers; i++) {
            connect.add(FreePorts.next());
        }
        return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), List.copyOf(connect),
                FreePorts.next(), FreePorts.next());
    }

    /** The saved ports, or null when no reusable stack was recorded. */
    static Ports load(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), Ports.class);
        } catch (IOException e) {
            return null;
        }
    }

    static void save(Path file, Ports ports) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), ports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
