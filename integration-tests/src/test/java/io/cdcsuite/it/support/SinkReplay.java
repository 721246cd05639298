package io.cdcsuite.it.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcsuite.stack.ConnectRestClient;

/**
 * Makes a sink connector write its topics again from the start, the way an operator does: stop it, delete its
 * committed offsets ({@code DELETE /connectors/<name>/offsets}), resume it, and wait until it has committed at
 * least the offsets it had before.
 */
public final class SinkReplay {
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(90);

    private SinkReplay() {
    }

    /** Replays from offset 0 and waits until the sink is back; returns the offsets it had committed before. */
    public static Map<String, Long> fromStart(ConnectRestClient connect, String sink, Duration timeout) {
        connect.stopConnector(sink);
        connect.awaitStatus(sink, STATE_TIMEOUT, "STOPPED",
                status -> "STOPPED".equals(status.path("connector").path("state").asText()));
        Map<String, Long> committed = committedOffsets(connect.offsets(sink));
        if (committed.isEmpty() || committed.values().stream().anyMatch(offset -> offset <= 0)) {
            throw new AssertionError("sink " + sink + " had not committed offsets in every partition: " + committed);
        }
        connect.resetOffsets(sink);
        if (!committedOffsets(connect.offsets(sink)).isEmpty()) {
            throw new AssertionError("sink " + sink + " still has offsets after the reset");
        }
        connect.resumeConnector(sink);
        Poll.until("sink " + sink + " replaying back to the offsets " + committed, timeout,
                () -> committedOffsets(connect.offsets(sink)),
                replayed -> committed.entrySet().stream()
                        .allMatch(entry -> replayed.getOrDefault(entry.getKey(), -1L) >= entry.getValue()));
        return committed;
    }

    /** {@code GET /connectors/<sink>/offsets} as topic-partition to offset. */
    public static Map<String, Long> committedOffsets(JsonNode offsets) {
        Map<String, Long> byPartition = new LinkedHashMap<>();
        for (JsonNode entry : offsets.path("offsets")) {
            byPartition.put(entry.path("partition").path("kafka_topic").asText() + "-"
                            + entry.path("partition").path("kafka_partition").asInt(),
                    entry.path("offset").path("kafka_offset").asLong());
        }
        return byPartition;
    }
}
