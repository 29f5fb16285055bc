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
}
