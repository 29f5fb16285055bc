package dev.multidb.internal.config;

import com.zaxxer.hikari.HikariConfig;
import dev.multidb.MultiDbException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The HikariCP properties that {@code multidb.databases.<alias>.hikari.<property>} may set, and the check
 * of their values.
 *
 * <p>Why reflection on {@link HikariConfig}: the list of properties follows the HikariCP version on
 * the classpath without being copied here. A property is a public {@code setXxx} taking a
 * {@code String}, {@code int}, {@code long} or {@code boolean} (others cannot come from configuration
 * text). {@code dataSource.<name>} passes {@code name} to the driver, as in HikariCP's own property
 * files. {@code jdbcUrl}, {@code username} and {@code password} are refused: they come from the
 * alias's own keys. Numbers and booleans are also tried on a throw-away {@link HikariConfig}, so that
 * HikariCP's own range checks ({@code maximumPoolSize} at least 1, ...) fail at bootstrap; no pool is
 * created.
 */
final class HikariProperties {

    static final String DATA_SOURCE_PREFIX = "dataSource.";

    /** HikariConfig properties that the alias's own keys set, to the setting that replaces them. */
    static final Map<String, String> RESERVED = Map.of("jdbcUrl", "url", "username", "username",
            "password", "password");

    private static final Map<String, Method> SETTERS = setters();

    private HikariProperties() {
    }

    /** The settable property names, sorted, without the reserved ones. */
    static Set<String> names() {
        return SETTERS.keySet();
    }

    static boolean isKnown(String property) {
        return SETTERS.containsKey(property)
                || (property.startsWith(DATA_SOURCE_PREFIX) && property.length() > DATA_SOURCE_PREFIX.length());
    }

    /** Whether the property's value is a secret (a driver property such as {@code dataSource.password}). */
    static boolean isSecret(String property) {
        return property.toLowerCase(Locale.ROOT).contains("password");
    }

    /**
     * Checks that {@code value} converts to the property's type and that HikariCP accepts it.
     *
     * @return the value to keep: trimmed for numbers and booleans, unchanged for text
     */
    static String check(String key, String property, String value) {
        Method setter = SETTERS.get(property);
        if (setter == null) {
            return value;
        }
        Class<?> type = setter.getParameterTypes()[0];
        if (type == String.class) {
            return value;
        }
        String trimmed = value.trim();
        Object converted = convert(key, trimmed, value, type, setter);
        try {
            setter.invoke(new HikariConfig(), converted);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new MultiDbException("Invalid value '" + value + "' for '" + key + "': HikariCP rejects it ("
                    + cause.getMessage() + "). Choose a value that HikariCP accepts.");
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("HikariConfig." + setter.getName() + " is not accessible", e);
        }
        return trimmed;
    }

    private static Object convert(String key, String trimmed, String value, Class<?> type, Method setter) {
        try {
            if (type == int.class) {
                return Integer.parseInt(trimmed);
            }
            if (type == long.class) {
                return Long.parseLong(trimmed);
            }
        } catch (NumberFormatException e) {
            throw badType(key, value, type, setter, type == int.class ? "10" : "30000");
        }
        if ("true".equalsIgnoreCase(trimmed) || "false".equalsIgnoreCase(trimmed)) {
            return Boolean.parseBoolean(trimmed);
        }
        throw new MultiDbException("Invalid value '" + value + "' for '" + key + "': HikariCP expects a boolean ("
                + "HikariConfig." + setter.getName() + "(boolean)). Use true or false.");
    }

    private static MultiDbException badType(String key, String value, Class<?> type, Method setter, String example) {
        return new MultiDbException("Invalid value '" + value + "' for '" + key + "': HikariCP expects "
                + (type == int.class ? "an int" : "a long") + " (HikariConfig." + setter.getName() + "("
                + type.getName() + ")). Use a whole number, for example " + example + ".");
    }

    private static Map<String, Method> setters() {
        Map<String, Method> setters = new TreeMap<>();
        for (Method method : HikariConfig.class.getMethods()) {
            String name = method.getName();
            if (name.length() > 3 && name.startsWith("set") && method.getParameterCount() == 1
                    && !Modifier.isStatic(method.getModifiers()) && isTextual(method.getParameterTypes()[0])) {
                String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                if (!RESERVED.containsKey(property)) {
                    setters.put(property, method);
                }
            }
        }
        return Collections.unmodifiableMap(setters);
    }

    private static boolean isTextual(Class<?> type) {
        return type == String.class || type == int.class || type == long.class || type == boolean.class;
    }
}
