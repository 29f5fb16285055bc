package dev.multidb.benchmarks.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fixed shape of the benchmark: 50 entity types, aliases {@code a0 .. a(N-1)}, one H2 in-memory
 * database per alias ({@code jdbc:h2:mem:a<i>}), and type {@code i} on alias {@code i mod N}.
 */
final class BootstrapModel {

    static final int TYPES = 50;

    private static final String ENTITY_PACKAGE = "dev.multidb.benchmarks.bootstrap.entities.";

    private static final List<Class<?>> ENTITIES = load();

    private BootstrapModel() {
    }

    private static List<Class<?>> load() {
        List<Class<?>> types = new ArrayList<>(TYPES);
        for (int number = 1; number <= TYPES; number++) {
            String name = ENTITY_PACKAGE + String.format(Locale.ROOT, "E%02d", number);
            try {
                types.add(Class.forName(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Entity type " + name + " is missing from the class path", e);
            }
        }
        return List.copyOf(types);
    }

    /** All 50 entity types, {@code E01} first. */
    static List<Class<?>> entities() {
        return ENTITIES;
    }

    /** The entity types stored on alias number {@code alias} of {@code aliases}. */
    static List<Class<?>> entitiesOf(int alias, int aliases) {
        List<Class<?>> share = new ArrayList<>();
        for (int index = alias; index < TYPES; index += aliases) {
            share.add(ENTITIES.get(index));
        }
        return share;
    }

    /** The number of the alias {@code type} is stored on, for {@code aliases} aliases. */
    static int aliasNumberOf(Class<?> type, int aliases) {
        int index = ENTITIES.indexOf(type);
        if (index < 0) {
            throw new IllegalArgumentException(type.getName() + " is not an entity type of the bootstrap benchmark");
        }
        return index % aliases;
    }

    static String alias(int number) {
        return "a" + number;
    }

    static String url(int number) {
        return "jdbc:h2:mem:" + alias(number) + ";DB_CLOSE_DELAY=-1";
    }
}
