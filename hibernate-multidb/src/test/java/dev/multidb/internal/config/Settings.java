package dev.multidb.internal.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Shortcuts for the tests: properties from key/value pairs, parsing with a fixed environment. */
final class Settings {

    private Settings() {
    }

    /** Properties from alternating keys and values, in the given order. */
    static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    /** Parses with an empty environment and this class's loader. */
    static MultiDbSettings parse(Object... keysAndValues) {
        return parseWith(Map.of(), keysAndValues);
    }

    /** Parses with the given environment variables. */
    static MultiDbSettings parseWith(Map<String, String> environment, Object... keysAndValues) {
        return MultiDbSettings.parse(props(keysAndValues), Settings.class.getClassLoader(), environment::get);
    }
}
