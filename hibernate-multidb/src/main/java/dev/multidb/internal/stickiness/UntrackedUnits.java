package dev.multidb.internal.stickiness;

import jakarta.persistence.PersistenceUnitUtil;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Units with a single database (replicas aside) do not track instances one by one: recording every
 * loaded instance costs a weak reference each, and there is nothing for it to tell apart. For them an
 * instance with an identifier is on the unit's database, and one without is stuck to nothing. This
 * registry lets the static {@code MultiDb.aliasOf} give that answer.
 */
public final class UntrackedUnits {

    /** One unit: its database's alias, how to read identifiers, and its entity classes. */
    public record Unit(String alias, PersistenceUnitUtil util, Set<Class<?>> entityClasses) {

        /** The unit's alias when {@code entity} is one of its entities and has an identifier, else {@code null}. */
        public String aliasOf(Object entity, Class<?> type) {
            return entityClasses.contains(type) && util.getIdentifier(entity) != null ? alias : null;
        }
    }

    private static final CopyOnWriteArrayList<Unit> UNITS = new CopyOnWriteArrayList<>();

    private UntrackedUnits() {
    }

    public static void register(Unit unit) {
        UNITS.add(unit);
    }

    public static void unregister(Unit unit) {
        UNITS.remove(unit);
    }

    /** The alias of {@code entity} by the rule above; {@code null} if unknown or if units disagree. */
    static String aliasOf(Object entity, Class<?> type) {
        String found = null;
        for (Unit unit : UNITS) {
            String alias = unit.aliasOf(entity, type);
            if (alias != null) {
                if (found != null && !found.equals(alias)) {
                    return null;
                }
                found = alias;
            }
        }
        return found;
    }
}
