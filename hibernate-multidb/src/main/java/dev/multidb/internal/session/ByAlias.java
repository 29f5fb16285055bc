package dev.multidb.internal.session;

import java.util.Arrays;
import java.util.List;

/**
 * Values by alias in the order they were added: the open child sessions of an entity manager, the enlisted
 * transactions of its transaction. Not a map: most units of work use one alias, so the first entry is held in
 * two fields and only a second alias allocates arrays (for the rest). Adding, finding and walking one entry
 * allocates nothing; this sits on every request's path, next to Hibernate's own session. Not thread-safe, as
 * an entity manager is not.
 */
final class ByAlias<V> {

    private static final String[] NONE = {};
    private static final Object[] NO_VALUES = {};

    private String firstAlias;
    private V firstValue;
    /** Entries 1, 2, ... (index {@code i} at {@code i - 1}). */
    private String[] moreAliases = NONE;
    private Object[] moreValues = NO_VALUES;
    private int size;

    /** The value of {@code alias}, or {@code null}. */
    V get(String alias) {
        if (size == 0) {
            return null;
        }
        if (firstAlias.equals(alias)) {
            return firstValue;
        }
        for (int i = 1; i < size; i++) {
            if (moreAliases[i - 1].equals(alias)) {
                return value(i);
            }
        }
        return null;
    }

    /** Adds {@code alias}, which must not be here yet, after the others. */
    void add(String alias, V value) {
        if (size == 0) {
            firstAlias = alias;
            firstValue = value;
        } else {
            int index = size - 1;
            if (index == moreAliases.length) {
                int length = Math.max(2, index * 2);
                moreAliases = Arrays.copyOf(moreAliases, length, String[].class);
                moreValues = Arrays.copyOf(moreValues, length, Object[].class);
            }
            moreAliases[index] = alias;
            moreValues[index] = value;
        }
        size++;
    }

    int size() {
        return size;
    }

    /** The alias at {@code index}, in the order of adding. */
    String alias(int index) {
        return index == 0 ? firstAlias : moreAliases[index - 1];
    }

    /** The value at {@code index}. */
    @SuppressWarnings("unchecked")
    V value(int index) {
        return index == 0 ? firstValue : (V) moreValues[index - 1];
    }

    /** The aliases from index 0 up to {@code end} (exclusive), in order. */
    List<String> aliasesBefore(int end) {
        String[] aliases = new String[end];
        for (int i = 0; i < end; i++) {
            aliases[i] = alias(i);
        }
        return List.of(aliases);
    }

    /**
     * Puts the entries in the order of their aliases: flushing and committing in one order in every transaction
     * keeps two transactions that write the same aliases from waiting for each other's locks across databases.
     * An insertion sort: there are a handful of entries, and one entry (most units of work) costs nothing.
     */
    void sortByAlias() {
        for (int i = 1; i < size; i++) {
            String alias = alias(i);
            V value = value(i);
            int j = i - 1;
            while (j >= 0 && alias(j).compareTo(alias) > 0) {
                set(j + 1, alias(j), value(j));
                j--;
            }
            set(j + 1, alias, value);
        }
    }

    private void set(int index, String alias, V value) {
        if (index == 0) {
            firstAlias = alias;
            firstValue = value;
        } else {
            moreAliases[index - 1] = alias;
            moreValues[index - 1] = value;
        }
    }

    void clear() {
        firstAlias = null;
        firstValue = null;
        if (size > 1) {
            Arrays.fill(moreAliases, 0, size - 1, null);
            Arrays.fill(moreValues, 0, size - 1, null);
        }
        size = 0;
    }
}
