package io.cdcsuite.source.timestamp.config;

/** TLS to MySQL, with Debezium's {@code database.ssl.mode} values; each maps to Connector/J's {@code sslMode}. */
public enum SslMode implements ConfigChoice {
    DISABLED,
    PREFERRED,
    REQUIRED,
    VERIFY_CA,
    VERIFY_IDENTITY;

    /** The Connector/J {@code sslMode} property value. */
    public String driverValue() {
        return name();
    }

    public boolean verifiesServer() {
        return this == VERIFY_CA || this == VERIFY_IDENTITY;
    }
}
