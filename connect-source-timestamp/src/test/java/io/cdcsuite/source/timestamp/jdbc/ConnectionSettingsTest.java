package io.cdcsuite.source.timestamp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.testing.Tables;

class ConnectionSettingsTest {

    @Test
    void sessionsRunInUtcWithTheDriverPropertiesTheConnectorRelyOn() {
        ConnectionSettings settings = ConnectionSettings.from(Tables.config(Map.of(
                TimestampSourceConfig.HOSTNAME, "db.example", TimestampSourceConfig.PORT, "3307",
                TimestampSourceConfig.PASSWORD, "pw")));
        Properties properties = settings.properties();

        assertThat(settings.url()).isEqualTo("jdbc:mysql://db.example:3307/");
        assertThat(properties)
                .containsEntry("user", "cdc")
                .containsEntry("password", "pw")
                .containsEntry("connectionTimeZone", "UTC")
                .containsEntry("forceConnectionTimeZoneToSession", "true")
                .containsEntry("zeroDateTimeBehavior", "CONVERT_TO_NULL")
                .containsEntry("tinyInt1isBit", "false")
                .containsEntry("yearIsDateType", "false")
                .containsEntry("sslMode", "PREFERRED")
                .doesNotContainKey("trustCertificateKeyStoreUrl");
    }

    @Test
    void aUrlIsUsedAsGivenAndVerifyModesUseTheTruststore() {
        ConnectionSettings settings = ConnectionSettings.from(Tables.config(Map.of(
                TimestampSourceConfig.CONNECTION_URL, "jdbc:mysql://db:3306/?allowPublicKeyRetrieval=true",
                TimestampSourceConfig.SSL_MODE, "verify_identity",
                TimestampSourceConfig.SSL_TRUSTSTORE, "/etc/kafka/ca.p12",
                TimestampSourceConfig.SSL_TRUSTSTORE_PASSWORD, "changeit")));

        assertThat(settings.url()).isEqualTo("jdbc:mysql://db:3306/?allowPublicKeyRetrieval=true");
        assertThat(settings.properties())
                .containsEntry("sslMode", "VERIFY_IDENTITY")
                .containsEntry("trustCertificateKeyStoreUrl", Path.of("/etc/kafka/ca.p12").toUri().toString())
                .containsEntry("trustCertificateKeyStorePassword", "changeit");
    }
}
