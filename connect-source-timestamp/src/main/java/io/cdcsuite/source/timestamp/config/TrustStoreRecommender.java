package io.cdcsuite.source.timestamp.config;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;

/** Shows the truststore keys only when {@code database.ssl.mode} verifies the server certificate. */
public final class TrustStoreRecommender implements ConfigDef.Recommender {
    private final String sslModeKey;

    public TrustStoreRecommender(String sslModeKey) {
        this.sslModeKey = sslModeKey;
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return List.of();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        Object mode = parsedConfig.get(sslModeKey);
        return ConfigChoice.find(SslMode.class, mode == null ? null : mode.toString())
                .map(SslMode::verifiesServer)
                .orElse(false);
    }
}
