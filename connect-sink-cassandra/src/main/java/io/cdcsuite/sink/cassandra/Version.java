package io.cdcsuite.sink.cassandra;

/** The plugin version, from the jar manifest's Implementation-Version. */
public final class Version {
    private Version() {
    }

    public static String get() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
