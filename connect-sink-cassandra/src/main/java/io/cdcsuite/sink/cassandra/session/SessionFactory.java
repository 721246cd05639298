package io.cdcsuite.sink.cassandra.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;

import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig;

/**
 * Builds the driver session from the connector configuration: contact points and local datacenter, or an
 * Astra secure connect bundle; PLAIN credentials or an Astra token; TLS; then the {@code driver.*}
 * pass-through settings, which may override the defaults set here (but not the options above).
 */
public final class SessionFactory {
    private SessionFactory() {
    }

    /**
     * Connects in the background. With {@code retryUntilReachable} the driver keeps trying while no contact
     * point answers (a task started during a Cassandra outage waits for it); otherwise the first failure
     * completes the stage.
     */
    public static CompletionStage<CqlSession> connect(CassandraSinkConfig config, String sessionName,
                                                      boolean retryUntilReachable, Duration connectTimeout) {
        CqlSessionBuilder builder = CqlSession.builder()
                .withClassLoader(SessionFactory.class.getClassLoader())
                .withConfigLoader(driverConfig(config, sessionName, retryUntilReachable, connectTimeout));
        if (config.cloudBundle() != null) {
            builder.withCloudSecureConnectBundle(config.cloudBundle());
        }
        return builder.buildAsync();
    }

    /** The driver settings of a session: the sink's own, then the {@code driver.*} pass-through settings. */
    static DriverConfigLoader driverConfig(CassandraSinkConfig config, String sessionName, boolean retryUntilReachable,
                                           Duration connectTimeout) {
        ProgrammaticDriverConfigLoaderBuilder options = DriverConfigLoader
                .programmaticBuilder(SessionFactory.class.getClassLoader())
                .withString(DefaultDriverOption.SESSION_NAME, sessionName)
                // the sink publishes its own JMX metrics; driver metrics would need Dropwizard, left out of lib/
                .withString(DefaultDriverOption.METRICS_FACTORY_CLASS, "NoopMetricsFactory")
                // jnr-posix is left out of lib/ too; asked for the native clock, the driver logs a NoClassDefFoundError
                // stack trace at every session start (and every write carries its own timestamp anyway)
                .withBoolean(DefaultDriverOption.TIMESTAMP_GENERATOR_FORCE_JAVA_CLOCK, true)
                // every write carries USING TIMESTAMP, so every request may be retried or sent twice
                .withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true)
                .withBoolean(DefaultDriverOption.RECONNECT_ON_INIT, retryUntilReachable)
                // a node that was down is tried again on the schedule of the write retries: with the driver's default
                // (up to 60 s between attempts) writes would resume up to a minute after Cassandra is back
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY,
                        Duration.ofMillis(config.retryBackoffInitialMs()))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(config.retryBackoffMaxMs()))
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, connectTimeout)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, connectTimeout);
        if (config.cloudBundle() == null) {
            List<String> contactPoints = config.contactPoints().stream()
                    .map(point -> point.contains(":") ? point : point + ":" + config.port())
                    .toList();
            options.withStringList(DefaultDriverOption.CONTACT_POINTS, contactPoints)
                    .withString(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER, config.localDatacenter());
        }
        String username = config.astraToken() != null ? "token" : config.username();
        String password = config.astraToken() != null ? config.astraToken() : config.password();
        if (!username.isEmpty()) {
            options.withString(DefaultDriverOption.AUTH_PROVIDER_CLASS, "PlainTextAuthProvider")
                    .withString(DefaultDriverOption.AUTH_PROVIDER_USER_NAME, username)
                    .withString(DefaultDriverOption.AUTH_PROVIDER_PASSWORD, password);
        }
        if (config.sslEnabled()) {
            options.withString(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS, "DefaultSslEngineFactory")
                    .withBoolean(DefaultDriverOption.SSL_HOSTNAME_VALIDATION, config.sslHostnameValidation());
            if (!config.sslTruststorePath().isEmpty()) {
                options.withString(DefaultDriverOption.SSL_TRUSTSTORE_PATH, config.sslTruststorePath());
                if (config.sslTruststorePassword() != null) {
                    options.withString(DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD, config.sslTruststorePassword());
                }
            }
            if (!config.sslKeystorePath().isEmpty()) {
                options.withString(DefaultDriverOption.SSL_KEYSTORE_PATH, config.sslKeystorePath());
                if (config.sslKeystorePassword() != null) {
                    options.withString(DefaultDriverOption.SSL_KEYSTORE_PASSWORD, config.sslKeystorePassword());
                }
            }
        }
        config.driverSettings().applyTo(options);
        return options.build();
    }
}
