package dev.multidb.properties;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Library bugs this property found, all fixed (it passes its 1,000 sequences without steering); kept so that a
 * regression can be told apart and steered around while it is fixed. By default the property runs every
 * sequence and fails on them; with
 * {@code -Dmultidb.property.avoid=NAME,...} (or {@code all}) it steers around the named ones, to look for
 * other failures while they are being fixed. Steering only skips steps; it never widens the oracle.
 */
enum KnownBug {

    /**
     * An instance persisted with {@code em.using("b")} and changed before the flush is moved at the flush
     * (or before a query on {@code b}) to its write router's alias while its insert on {@code b} is still
     * queued: the queued insert then fails the flush with Hibernate's {@code AssertionFailure: possible
     * non-threadsafe access to session}, and nothing is committed. The README ("How each operation is routed") wants the insert on {@code b}
     * and the change on the write router's alias. Shrunk: {@code em.using("b").persist(new Customer#1);
     * customer.setLabel(..); commit}. Steered around by not changing such an instance before a flush.
     */
    PENDING_INSERT_MOVED,

    /**
     * {@code remove(x)} routed to another alias than the one where x was just persisted detaches x there
     * first, while its insert is still queued: the flush then fails as in {@link #PENDING_INSERT_MOVED}, and
     * nothing is committed. The README ("How each operation is routed") wants the row inserted where it was persisted and deleted on the
     * remove's alias (Django's {@code save(using="b")} then {@code delete()}). Shrunk: {@code Customer c =
     * new Customer(1); em.using("b").persist(c); em.remove(c); commit} (the router sends the remove to
     * {@code a}). Steered around by not removing elsewhere an instance persisted and not flushed since.
     */
    REMOVE_ELSEWHERE_DROPS_PENDING_INSERT,

    /**
     * {@code em.using("b").merge(x)}, when {@code b} holds x's row and x differs from it, is written at the
     * flush to the write router's alias instead of {@code b} (README "How each operation is routed": it overwrites the row on
     * {@code b}; README: "anything on em.using("x") → x, routers ignored"): the managed copy on {@code b}
     * counts as changed and is moved. Shrunk: {@code Customer c = new Customer(1, "x"); em.persist(c);
     * commit; em.using("b").merge(c); commit; c.setLabel("y"); em.using("b").merge(c); commit} sends
     * {@code [b] select}, then at the commit {@code [a] select}, {@code [a] update Customer}: {@code a} gets
     * "y", {@code b} keeps "x". Steered around by not merging with {@code using} where the router would place
     * the instance elsewhere.
     */
    USING_MERGE_MOVED,

    /**
     * {@code MultiDb.aliasOf(x)} is {@code null} between {@code em.using("b").persist(x)} and the flush,
     * although {@code em.aliasOf(x)} says {@code b} (README: {@code MultiDb.aliasOf} gives the same answer anywhere): a router
     * that keeps an instance where it is stuck (Django's {@code instance._state.db}) sends it elsewhere.
     * Shrunk: {@code Shard s = new Shard(2, "x"); em.using("b").persist(s); s.setLabel("y"); commit} sends
     * {@code select}, {@code merge into Shard}, {@code select} to {@code a} (then fails as
     * {@link #PENDING_INSERT_MOVED}); {@code em.using("b").persist(s); em.remove(s); commit} routes the remove
     * to {@code a} (then fails as {@link #REMOVE_ELSEWHERE_DROPS_PENDING_INSERT}); {@code em.persist(new
     * Shard(1)); commit; em.using("c").persist(new Shard(1)); em.using("c").merge(the first); commit} sends a
     * {@code select} to {@code b} (the merge changed the new instance on {@code c}). Steered around by not
     * changing (also by merging onto it), nor removing through the routers, a new instance before a flush
     * where the router, not knowing where it is stuck, would place it elsewhere.
     */
    NOT_STUCK_UNTIL_FLUSH,

    /**
     * A copy to another alias ({@code em.using("b").persist(x)}, {@code merge(x)}, or the flush moving a
     * changed x) of an x that is a Hibernate proxy fails when the target has no row with its id:
     * {@code UnknownEntityTypeException: Unknown entity type 'Customer$HibernateProxy'} (the proxy itself is
     * handed to Hibernate's {@code StatelessSession.upsert}). {@code find} returns a proxy whenever the
     * persistence context holds one, for example an invoice's customer. Shrunk by hand from the property's
     * sample: {@code Customer c = em.getReference(Customer.class, 1L); c.getLabel(); em.close();
     * em2.using("b").persist(c)}: {@code [b] select}, then the exception. Steered around by not copying
     * proxies.
     */
    PROXY_COPY_FAILS;

    /** The bugs named by the system property {@code multidb.property.avoid}; none by default. */
    static Set<KnownBug> avoided() {
        String names = System.getProperty("multidb.property.avoid", "").trim();
        Set<KnownBug> avoided = EnumSet.noneOf(KnownBug.class);
        if (names.equalsIgnoreCase("all")) {
            return EnumSet.allOf(KnownBug.class);
        }
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                avoided.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return avoided;
    }
}
