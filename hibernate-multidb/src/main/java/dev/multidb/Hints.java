package dev.multidb;

/**
 * What a router is told about an operation besides the entity type. Immutable.
 *
 * <p>{@link #instance()} is the entity being loaded, saved, deleted or related, when there is one;
 * {@link #entityType()} is set when {@link DatabaseRouter#allowMigrate} is asked about one entity's table.
 */
public final class Hints {

    private static final Hints NONE = new Hints(null, null);

    private final Object instance;
    private final Class<?> entityType;

    private Hints(Object instance, Class<?> entityType) {
        this.instance = instance;
        this.entityType = entityType;
    }

    /** Hints with no instance and no entity type. */
    public static Hints none() {
        return NONE;
    }

    /** Hints naming the instance an operation is about; {@code null} gives {@link #none()}. */
    public static Hints ofInstance(Object instance) {
        return instance == null ? NONE : new Hints(instance, null);
    }

    /** Hints naming the entity type a migration question is about; {@code null} gives {@link #none()}. */
    public static Hints ofEntityType(Class<?> entityType) {
        return entityType == null ? NONE : new Hints(null, entityType);
    }

    /** The entity instance the operation is about, or {@code null}. */
    public Object instance() {
        return instance;
    }

    /** For {@code allowMigrate} about a single entity's table: that entity's class; otherwise {@code null}. */
    public Class<?> entityType() {
        return entityType;
    }

    /** Deliberately terse: an instance's own {@code toString()} may reveal data, so only its type is shown. */
    @Override
    public String toString() {
        return "Hints[instance=" + (instance == null ? "none" : instance.getClass().getName())
                + ", entityType=" + (entityType == null ? "none" : entityType.getName()) + "]";
    }
}
