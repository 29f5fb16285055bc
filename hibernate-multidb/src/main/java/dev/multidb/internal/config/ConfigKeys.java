package dev.multidb.internal.config;

import dev.multidb.MultiDbException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises {@code multidb.*} keys and explains the ones it does not recognise.
 *
 * <p>Why structured suggestions rather than comparing whole keys: keys share long prefixes, so the
 * distance between two whole keys says little. Each segment the user wrote is compared with the valid
 * segments at its place, and the alias or app name the user chose is kept, so
 * {@code multidb.databse.default.usernme} becomes {@code multidb.databases.default.username}.
 */
final class ConfigKeys {

    static final String PREFIX = "multidb.";
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private static final List<String> TOP = List.of("databases", "routers", "apps");
    private static final List<String> DATABASE_SETTINGS =
            List.of("url", "username", "password", "dialect", "replica-of", "read-your-writes", "network-timeout",
                    "lock-timeout");
    private static final List<String> APP_SETTINGS = List.of("changelog", "packages", "formerly");
    private static final String VALID_KEYS = "Valid keys are multidb.databases.<alias>.url, .username, .password,"
            + " .dialect, .hikari.<property>, .replica-of, .read-your-writes, .network-timeout, .lock-timeout,"
            + " multidb.routers and"
            + " multidb.apps.<app>.changelog, .packages, .formerly.";

    private ConfigKeys() {
    }

    /** Takes a key starting with {@code multidb.} apart, or fails explaining what is wrong with it. */
    static ConfigKey classify(String name) {
        String rest = name.substring(PREFIX.length());
        String[] segments = rest.split("\\.", -1);
        if (rest.equals("routers")) {
            return new ConfigKey(name, ConfigKey.Scope.ROUTERS, null, "routers");
        }
        if (segments.length >= 3 && segments[0].equals("databases")) {
            if (segments.length == 3 && DATABASE_SETTINGS.contains(segments[2])) {
                return new ConfigKey(name, ConfigKey.Scope.DATABASE, requireName(name, segments[1], true), segments[2]);
            }
            if (segments.length >= 4 && segments[2].equals("hikari")) {
                String property = String.join(".", Arrays.asList(segments).subList(3, segments.length));
                String alias = requireName(name, segments[1], true);
                return new ConfigKey(name, ConfigKey.Scope.HIKARI, alias, requireHikari(name, alias, property));
            }
        }
        if (segments.length == 3 && segments[0].equals("apps") && APP_SETTINGS.contains(segments[2])) {
            return new ConfigKey(name, ConfigKey.Scope.APP, requireName(name, segments[1], false), segments[2]);
        }
        throw new MultiDbException("Unknown configuration key '" + name + "'. "
                + suggestion(segments).map(s -> "Did you mean '" + s + "'?").orElse(VALID_KEYS));
    }

    private static String requireName(String key, String name, boolean alias) {
        if (!NAME.matcher(name).matches()) {
            throw new MultiDbException("Invalid " + (alias ? "database alias" : "app name") + " '" + name + "' in '"
                    + key + "'. " + (alias ? "An alias" : "An app name") + " starts with a letter or '_' and goes on"
                    + " with letters, digits, '_' or '-'. Rename the " + (alias ? "alias" : "app") + ".");
        }
        return name;
    }

    private static String requireHikari(String key, String alias, String property) {
        String replacement = HikariProperties.RESERVED.get(property);
        if (replacement != null) {
            String use = PREFIX + "databases." + alias + "." + replacement;
            throw new MultiDbException("Configuration key '" + key + "' is not allowed: the pool's " + property
                    + " comes from '" + use + "'. Set '" + use + "' instead.");
        }
        if (HikariProperties.isKnown(property)) {
            return property;
        }
        String prefix = PREFIX + "databases." + alias + ".hikari.";
        throw new MultiDbException("Unknown configuration key '" + key + "'. '" + property
                + "' is not a HikariCP setting. " + DidYouMean.closest(property, HikariProperties.names())
                        .map(p -> "Did you mean '" + prefix + p + "'?")
                        .orElse("Use one of: " + String.join(", ", HikariProperties.names())
                                + ", or dataSource.<driver property>."));
    }

    /** The key the user probably meant, segment by segment, or empty when a segment matches nothing. */
    private static Optional<String> suggestion(String[] segments) {
        Optional<String> top = closest(segments[0], TOP);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        String topSegment = top.get();
        if (topSegment.equals("routers")) {
            return segments.length == 1 ? Optional.of(PREFIX + "routers") : Optional.empty();
        }
        if (segments.length < 3 || segments[1].isEmpty()) {
            return Optional.empty();
        }
        String owner = PREFIX + topSegment + "." + segments[1] + ".";
        if (topSegment.equals("apps")) {
            return segments.length == 3 ? closest(segments[2], APP_SETTINGS).map(s -> owner + s) : Optional.empty();
        }
        if (segments.length == 3) {
            return closest(segments[2], DATABASE_SETTINGS).map(s -> owner + s);
        }
        String property = String.join(".", Arrays.asList(segments).subList(3, segments.length));
        return closest(segments[2], List.of("hikari")).map(s -> owner + s + "." + property);
    }

    private static Optional<String> closest(String segment, List<String> valid) {
        return valid.contains(segment) ? Optional.of(segment) : DidYouMean.closest(segment, valid);
    }
}
