package dev.multidb.internal.config;

import java.util.Objects;

/**
 * A password or other secret value that must not leak into logs, messages or {@code toString()}.
 *
 * <p>Why a type rather than a {@code String}: a record or collection that holds a secret prints it
 * through {@code toString()} the moment anyone logs it. Wrapping the value makes printing safe by
 * default and reading it an explicit act ({@link #reveal()}), easy to find in a review.
 */
public final class Secret {

    private static final String MASK = "****";

    private final String value;

    /** @param value the secret, not {@code null} (may be empty) */
    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Same as the constructor. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself. Hand it only to the driver or the pool, never to a log or a message. */
    public String reveal() {
        return value;
    }

    /** Always {@code ****}, whatever the value. */
    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
