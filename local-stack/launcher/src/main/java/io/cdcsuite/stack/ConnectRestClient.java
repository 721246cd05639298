package io.cdcsuite.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The parts of the Kafka Connect REST API that the launcher and the tests use. */
public final class ConnectRestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** True once the worker has joined its group and serves requests. */
    public boolean isReady() {
        try {
            return send("GET", "/connectors", null).statusCode() == 200;
        } catch (StackException e) {
            return false;
        }
    }

    /** {@code GET /connector-plugins?connectorsOnly=...}: the plugin classes the worker loaded. */
    public List<Map<String, Object>> connectorPlugins(boolean connectorsOnly) {
        return read(expect(send("GET", "/connector-plugins?connectorsOnly=" + connectorsOnly, null), 200),
                new TypeReference<>() { });
    }

    /** {@code PUT /connectors/<name>/config}: creates or updates a connector. */
    public void putConnectorConfig(String name, Map<String, ?> config) {
        HttpResponse<String> response = send("PUT", "/connectors/" + encode(name) + "/config", config);
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new StackException("Connect rejected connector " + name + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    /** {@code PUT /connector-plugins/<class>/config/validate}: the per-key validation result. */
    public JsonNode validate(String connectorClass, Map<String, ?> config) {
        String simpleName = connectorClass.substring(connectorClass.lastIndexOf('.') + 1);
        return tree(expect(send("PUT", "/connector-plugins/" + encode(simpleName) + "/config/validate", config), 200));
    }

    public JsonNode status(String name) {
        return tree(expect(send("GET", "/connectors/" + encode(name) + "/status", null), 200));
    }

    public List<String> connectors() {
        return read(expect(send("GET", "/connectors", null), 200), new TypeReference<>() { });
    }

    public void deleteConnector(String name) {
        HttpResponse<String> response = send("DELETE", "/connectors/" + encode(name), null);
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new StackException("deleting connector " + name + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** {@code PUT /connectors/<name>/stop}: required before offsets can be altered or reset. */
    public void stopConnector(String name) {
        expect(send("PUT", "/connectors/" + encode(name) + "/stop", null), 202, 204);
    }

    public void resumeConnector(String name) {
        expect(send("PUT", "/connectors/" + encode(name) + "/resume", null), 202, 204);
    }

    public JsonNode offsets(String name) {
        return tree(expect(send("GET", "/connectors/" + encode(name) + "/offsets", null), 200));
    }

    /** {@code DELETE /connectors/<name>/offsets}: a sink re-reads its topics from the start after this. */
    public void resetOffsets(String name) {
        expect(send("DELETE", "/connectors/" + encode(name) + "/offsets", null), 200);
    }

    /** {@code PATCH /connectors/<name>/offsets} with {@code {"offsets":[{"partition":..,"offset":..}]}}. */
    public void alterOffsets(String name, Object body) {
        expect(send("PATCH", "/connectors/" + encode(name) + "/offsets", body), 200);
    }

    /** Waits until the connector and {@code minTasks} tasks are RUNNING; fails with the trace of a FAILED one. */
    public void awaitRunning(String name, int minTasks, Duration timeout) {
        awaitStatus(name, timeout, "RUNNING with " + minTasks + " task(s)", status -> {
            failOnFailedState(name, status);
            JsonNode tasks = status.path("tasks");
            long running = 0;
            for (JsonNode task : tasks) {
                running += "RUNNING".equals(task.path("state").asText()) ? 1 : 0;
            }
            return "RUNNING".equals(status.path("connector").path("state").asText()) && running >= minTasks;
        });
    }

    public void awaitStatus(String name, Duration timeout, String what, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send("GET", "/connectors/" + encode(name) + "/status", null);
            if (response.statusCode() == 200) {
                last = parse(response.body());
                if (condition.test(last)) {
                    return;
                }
            }
            Await.sleep(Duration.ofMillis(250));
        }
        throw new StackException("connector " + name + " not " + what + " within " + timeout.toSeconds()
                + " s; last status: " + last);
    }

    private static void failOnFailedState(String name, JsonNode status) {
        if ("FAILED".equals(status.path("connector").path("state").asText())) {
            throw new StackException("connector " + name + " FAILED: " + status.path("connector").path("trace").asText());
        }
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                throw new StackException("connector " + name + " task " + task.path("id").asText() + " FAILED: "
                        + task.path("trace").asText());
            }
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(method, publisher)
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException(method + " " + baseUrl + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted: " + method + " " + path, e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new StackException(response.request().method() + " " + response.request().uri() + ": HTTP "
                + response.statusCode() + " " + response.body());
    }

    private static <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new StackException("unparseable Connect response: " + response.body(), e);
        }
    }

    private static JsonNode tree(HttpResponse<String> response) {
        return parse(response.body());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new StackException("unparseable Connect response: " + body, e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
