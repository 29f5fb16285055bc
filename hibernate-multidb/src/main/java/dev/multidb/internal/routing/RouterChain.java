package dev.multidb.internal.routing;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Django's {@code ConnectionRouter}: asks the built-in {@code @Database} router, then the user's
 * routers in order, and falls back the way Django does.
 *
 * <ul>
 *   <li>{@code dbForRead}/{@code dbForWrite}: the first non-{@code null} answer; otherwise the alias the
 *       instance is stuck to; otherwise {@code default}.</li>
 *   <li>{@code allowRelation}: the first non-{@code null} answer; otherwise allowed only when both
 *       objects are stuck to the same alias (two unsaved objects are).</li>
 *   <li>{@code allowMigrate}: the first non-{@code null} answer; otherwise {@code true}.</li>
 * </ul>
 *
 * <p>Why it is strict: an alias that is not configured fails here, at once, with
 * {@link dev.multidb.UnknownDatabaseException} naming the router and method that returned it, rather
 * than later as a missing connection with no culprit. An exception thrown by a router is not caught.
 *
 * <p>Why it looks low-level: the chain is asked for every find, query and flushed entity, from every
 * entity manager at once. It is immutable (hence thread-safe), iterates an array, allocates at most one
 * {@link Hints} per call and builds strings only when failing.
 */
public final class RouterChain {

    static final String DEFAULT = "default";

    private final DatabaseRouter[] routers;
    private final Set<String> aliases;
    private final boolean onlyDefault;
    private final Function<Object, String> stickiness;

    /**
     * @param routers    the user's routers, in the order they are asked; the {@code @Database} router is
     *                   built in and must not be listed
     * @param aliases    the configured aliases
     * @param stickiness the alias an entity instance is stuck to (loaded from or written to), or
     *                   {@code null} when it is not stuck to any
     */
    public RouterChain(List<DatabaseRouter> routers, Set<String> aliases, Function<Object, String> stickiness) {
        this.routers = routers.toArray(new DatabaseRouter[0]);
        for (DatabaseRouter router : this.routers) {
            Objects.requireNonNull(router, "routers must not contain null");
        }
        this.aliases = Set.copyOf(aliases);
        this.onlyDefault = this.aliases.equals(Set.of(DEFAULT));
        this.stickiness = Objects.requireNonNull(stickiness, "stickiness");
    }

    /** The alias to read {@code entityType} from; {@code instance} is the hint, may be {@code null}. Never {@code null}. */
    public String dbForRead(Class<?> entityType, Object instance) {
        return route(entityType, instance, false);
    }

    /** The alias to write {@code entityType} to; {@code instance} is the hint, may be {@code null}. Never {@code null}. */
    public String dbForWrite(Class<?> entityType, Object instance) {
        return route(entityType, instance, true);
    }

    /** {@link #dbForRead} with no instance: the answer used at bootstrap. */
    public String staticDbForRead(Class<?> entityType) {
        return route(entityType, null, false);
    }

    /** {@link #dbForWrite} with no instance: the answer used at bootstrap. */
    public String staticDbForWrite(Class<?> entityType) {
        return route(entityType, null, true);
    }

    /**
     * The first opinion on relating {@code a} and {@code b} (instances, or entity classes at bootstrap): the
     * routers in order; {@code null} when none has one. {@code @Database} places entities and has no opinion on
     * relations, so a router's answer counts for pinned entities too.
     */
    public Boolean askAllowRelation(Object a, Object b) {
        for (DatabaseRouter router : routers) {
            Boolean allowed = router.allowRelation(a, b, Hints.none());
            if (allowed != null) {
                return allowed;
            }
        }
        return null;
    }

    /** {@link #askAllowRelation}, or, without an opinion, whether both are stuck to the same alias. */
    public boolean allowRelation(Object a, Object b) {
        Boolean allowed = askAllowRelation(a, b);
        if (allowed != null) {
            return allowed;
        }
        return Objects.equals(stickiness.apply(a), stickiness.apply(b));
    }

    /**
     * Whether {@code app}'s schema, or the table of {@code entityType} when given, may be created on
     * {@code alias}: the first opinion ({@code @Database} on the entity type, then the routers), else
     * {@code true}.
     */
    public boolean allowMigrate(String alias, String app, Class<?> entityType) {
        if (entityType != null) {
            Pin pin = DatabaseAnnotations.pinOf(entityType);
            if (pin.pinned()) {
                return checked(pin).equals(alias);
            }
        }
        Hints hints = Hints.ofEntityType(entityType);
        for (DatabaseRouter router : routers) {
            Boolean allowed = router.allowMigrate(alias, app, hints);
            if (allowed != null) {
                return allowed;
            }
        }
        return true;
    }

    /** Whether at least one user router is configured; the built-in {@code @Database} router does not count. */
    public boolean hasRouters() {
        return routers.length > 0;
    }

    private String route(Class<?> entityType, Object instance, boolean write) {
        Objects.requireNonNull(entityType, "entityType");
        Pin pin = DatabaseAnnotations.pinOf(entityType);
        if (pin.pinned()) {
            return checked(pin);
        }
        if (routers.length > 0) {
            Hints hints = Hints.ofInstance(instance);
            for (DatabaseRouter router : routers) {
                String alias = write ? router.dbForWrite(entityType, hints) : router.dbForRead(entityType, hints);
                if (alias != null) {
                    if (!aliases.contains(alias)) {
                        throw RoutingErrors.unknownFromRouter(alias, aliases, router,
                                write ? "dbForWrite" : "dbForRead", entityType);
                    }
                    return alias;
                }
            }
        }
        // A unit whose only database is 'default' needs no hint: every answer would be 'default'.
        if (instance != null && !onlyDefault) {
            String stuck = stickiness.apply(instance);
            if (stuck != null) {
                return stuck;
            }
        }
        if (!aliases.contains(DEFAULT)) {
            throw RoutingErrors.nothingRouted(entityType, write, aliases);
        }
        return DEFAULT;
    }

    private String checked(Pin pin) {
        if (!aliases.contains(pin.alias())) {
            throw RoutingErrors.unknownFromPin(pin, aliases);
        }
        return pin.alias();
    }
}
