package dev.multidb.internal.session;

import java.util.Arrays;
import java.util.List;

/**
 * Values by alias in the order they were added: the open child sessions of an entity manager, the enlisted
 * transactions of its transaction. Two arrays rather than a map: most units of work use one alias, and adding,
 * finding and walking it must not allocate more than Hibernate's own session does. Not thread-safe, as an
 * entity manager is not.
 */
final class ByAlias<V> {

    private static final String[] NONE = {};
    private static final Object[] NO_VALUES = {};

    private String[] aliases = NONE;
    private Object[] values = NO_VALUES;
    private int size;

    /** The value of {@code alias}, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(String alias) {
        for (int i = 0; i < size; i++) {
            if (aliases[i].equals(alias)) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** Adds {@code alias}, which must not be here yet, after the others. */
    void add(String alias, V value) {
        if (size == aliases.length) {
            int length = Math.max(1, size * 2);
            aliases = Arrays.copyOf(aliases, length, String[].class);
            values = Arrays.copyOf(values, length, Object[].class);
        }
        aliases[size] = alias;
        values[size] = value;
        size++;
    }

    int size() {
        return size;
    }

    /** The alias at {@code index}, in the order of adding. */
    String alias(int index) {
        return aliases[index];
    }

    /** The value at {@code index}. */
    @SuppressWarnings("unchecked")
    V value(int index) {
        return (V) values[index];
    }

    /** The aliases from index 0 up to {@code end} (exclusive), in order. */
    List<String> aliasesBefore(int end) {
        return List.of(Arrays.copyOf(aliases, end));
    }

    void clear() {
        Arrays.fill(aliases, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }
}
