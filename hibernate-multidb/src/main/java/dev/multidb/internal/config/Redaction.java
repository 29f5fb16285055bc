package dev.multidb.internal.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/**
 * Scrubs known secrets out of free text.
 *
 * <p>Why: messages that we did not write (a driver's {@code SQLException}, HikariCP's pool
 * initialization failure) may quote a URL or a password. Before such a message is rethrown inside one
 * of ours it goes through {@link #redact}, with the secrets of the settings
 * ({@link MultiDbSettings#secretValues()}). It is also the last safety net of the settings parser.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private Redaction() {
    }

    /**
     * Replaces every occurrence of each non-empty secret in {@code text} with {@code ****}. Longer
     * secrets are replaced first, so that a secret containing another is not left half visible.
     *
     * @param text    the text to scrub; {@code null} gives {@code null}
     * @param secrets the values to hide; {@code null} and empty entries are ignored
     */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null || secrets == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /**
     * {@code cause} itself when no message of its chain (causes and suppressed exceptions) shows a secret;
     * otherwise a copy of the chain whose messages are redacted: each link a {@link RedactedCause} whose message
     * starts with the original exception's class name, with the original stack trace.
     */
    public static Throwable redactChain(Throwable cause, Collection<String> secrets) {
        if (cause == null || secrets == null || secrets.isEmpty() || !shows(cause, secrets, 0)) {
            return cause;
        }
        return copy(cause, secrets, 0);
    }

    private static boolean shows(Throwable failure, Collection<String> secrets, int depth) {
        if (failure == null || depth > 16) {
            return false;
        }
        String message = String.valueOf(failure.getMessage());
        if (!message.equals(redact(message, secrets))) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (shows(suppressed, secrets, depth + 1)) {
                return true;
            }
        }
        return shows(failure.getCause(), secrets, depth + 1);
    }

    private static Throwable copy(Throwable failure, Collection<String> secrets, int depth) {
        if (failure == null || depth > 16) {
            return null;
        }
        RedactedCause copy = new RedactedCause(failure.getClass().getName() + ": "
                + redact(String.valueOf(failure.getMessage()), secrets), copy(failure.getCause(), secrets, depth + 1));
        copy.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, secrets, depth + 1));
        }
        return copy;
    }

    /** Stands in for an exception whose message showed a secret; its message starts with the original type. */
    public static final class RedactedCause extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
