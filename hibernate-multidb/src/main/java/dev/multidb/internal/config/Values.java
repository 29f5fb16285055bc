package dev.multidb.internal.config;

import dev.multidb.MultiDbException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conversions of single configuration values: durations, package lists, names, non-blank text.
 *
 * <p>Why strict: a value that does not parse is refused with the accepted forms, never read as
 * something else ({@code 2S} is not two seconds, {@code 1.5s} is not one second).
 */
final class Values {

    private static final Pattern SHORT_DURATION = Pattern.compile("(-?\\d{1,18})(ms|s|m)");
    private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern PACKAGE = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");

    private Values() {
    }

    /** {@code 0}, {@code 250ms}, {@code 2s}, {@code 1m} or ISO-8601 ({@code PT2S}); never negative. */
    static Duration duration(ConfigKey key, String value) {
        String text = value.trim();
        Duration duration = null;
        Matcher matcher = SHORT_DURATION.matcher(text);
        if (text.equals("0")) {
            duration = Duration.ZERO;
        } else if (matcher.matches()) {
            duration = shortDuration(Long.parseLong(matcher.group(1)), matcher.group(2));
        } else if (text.startsWith("P") || text.startsWith("-P")) {
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException e) {
                duration = null;
            }
        }
        if (duration == null || duration.isNegative()) {
            throw new MultiDbException("Invalid value '" + value + "' for '" + key.name() + "': "
                    + (duration == null ? "not a duration" : "a duration cannot be negative")
                    + ". Use 0 (off), a whole number with ms, s or m (250ms, 2s, 1m), or ISO-8601 (PT2S).");
        }
        return duration;
    }

    private static Duration shortDuration(long amount, String unit) {
        try {
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** A comma-separated list of Java package names; blank entries are skipped, none at all is an error. */
    static List<String> packages(ConfigKey key, String value) {
        List<String> packages = new ArrayList<>();
        for (String entry : value.split(",")) {
            String name = entry.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!PACKAGE.matcher(name).matches()) {
                throw new MultiDbException("Invalid package '" + name + "' in '" + key.name()
                        + "': not a Java package name. List package names separated by commas, for example"
                        + " com.acme.auth, com.acme.security.");
            }
            packages.add(name);
        }
        if (packages.isEmpty()) {
            throw blank(key, "list the app's packages separated by commas, for example com.acme.auth,"
                    + " or remove the key");
        }
        return packages;
    }

    /** An alias or app name given as a value ({@code replica-of}, {@code formerly}). */
    static String name(ConfigKey key, String value, String what) {
        String name = nonBlank(key, value, "set it to " + what + ", or remove the key");
        if (!ConfigKeys.NAME.matcher(name).matches()) {
            throw new MultiDbException("Invalid value '" + value + "' for '" + key.name() + "': not a valid name."
                    + " A name starts with a letter or '_' and goes on with letters, digits, '_' or '-'. Set it to "
                    + what + ".");
        }
        return name;
    }

    /** The trimmed value, or an error saying the key is blank and how to fix it. */
    static String nonBlank(ConfigKey key, String value, String fix) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw blank(key, fix);
        }
        return trimmed;
    }

    private static MultiDbException blank(ConfigKey key, String fix) {
        return new MultiDbException("The value of '" + key.name() + "' is blank. "
                + Character.toUpperCase(fix.charAt(0)) + fix.substring(1) + ".");
    }
}
