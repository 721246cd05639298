package io.cdcsuite.sink.cassandra;

/** The plugin version, from the jar manifest's Implementation-Version. */
final class Version {
    private Version() {
    }

    static String get() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
