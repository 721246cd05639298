package io.cdcsuite.source.timestamp.config;

/** A problem with the configuration, attributed to the key a user has to change. */
public record ConfigProblem(String key, String message) {
}
