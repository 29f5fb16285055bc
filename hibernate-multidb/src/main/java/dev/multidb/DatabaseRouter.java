package dev.multidb;

/**
 * Decides which database alias an operation uses, like a Django database router.
 *
 * <p>Routers are listed in {@code multidb.routers} (class names with a public no-argument constructor)
 * or passed as instances in the properties map of
 * {@code Persistence.createEntityManagerFactory(name, map)}. They are asked in order; the first answer
 * that is not {@code null} wins. Every method is optional: a router that does not override a method has
 * no opinion on it. An exception thrown by a router propagates to the caller unchanged.
 *
 * <p>Routers are called concurrently from every entity manager of the factory and must be thread-safe.
 * A router returning an alias that is not configured fails the operation with
 * {@link UnknownDatabaseException}.
 */
public interface DatabaseRouter {

    /**
     * The alias to read entities of {@code entityType} from: {@code find}, {@code getReference},
     * {@code refresh} and select queries rooted at that type.
     *
     * @param entityType the entity class being read, never {@code null}
     * @param hints      the instance involved, if any (for example the one being refreshed)
     * @return an alias, or {@code null} for no opinion
     */
    default String dbForRead(Class<?> entityType, Hints hints) {
        return null;
    }

    /**
     * The alias to write entities of {@code entityType} to: {@code persist}, {@code merge},
     * {@code remove}, the flush of a changed instance, update and delete queries, pessimistic locks.
     *
     * @param entityType the entity class being written, never {@code null}
     * @param hints      the instance being written, if any
     * @return an alias, or {@code null} for no opinion
     */
    default String dbForWrite(Class<?> entityType, Hints hints) {
        return null;
    }

    /**
     * Whether {@code a} and {@code b} may be related (one referring to the other through an
     * association). At bootstrap, when there are no instances yet, {@code a} and {@code b} are the two
     * entity classes ({@link Class} objects).
     *
     * @return {@code true} to allow, {@code false} to refuse, {@code null} for no opinion
     */
    default Boolean allowRelation(Object a, Object b, Hints hints) {
        return null;
    }

    /**
     * Whether the app's schema (its changelog, or the tables of its entities under schema generation)
     * may be created on {@code alias}. {@link Hints#entityType()} names the entity when the question is
     * asked for one entity's table.
     *
     * @return {@code true} to allow, {@code false} to refuse, {@code null} for no opinion
     */
    default Boolean allowMigrate(String alias, String app, Hints hints) {
        return null;
    }
}
