package dev.multidb.junit.support;

import org.testcontainers.DockerClientFactory;

import java.util.Optional;

/** Whether Testcontainers can start containers here. */
public final class Docker {

    /** The reason given when it cannot, the skip message of classes that need it. */
    public static final String NO_DOCKER = "No Docker engine: the PostgreSQL container cannot start here";

    private static Optional<String> reason;

    private Docker() {
    }

    /** Empty when a Docker engine answers; asked once per JVM (about a second the first time). */
    public static synchronized Optional<String> unavailableReason() {
        if (reason == null) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (Exception | LinkageError e) {
                available = false;
            }
            reason = available ? Optional.empty() : Optional.of(NO_DOCKER);
        }
        return reason;
    }
}
