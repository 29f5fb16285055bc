package dev.multidb.internal.proxies;

import org.hibernate.LazyInitializationException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** The one wording of a failed lazy load, for proxies and collections alike: Hibernate's, the alias, the fix. */
final class LazyLoadMessages {

    private LazyLoadMessages() {
    }

    /** The alias of a child session: its tenant identifier; {@code null} for a session without one. */
    static String aliasOf(SharedSessionContractImplementor session) {
        Object tenant = session == null ? null : session.getTenantIdentifierValue();
        return tenant == null ? null : tenant.toString();
    }

    /** {@code e} with the alias added, same stack; {@code e} itself when the alias is unknown. */
    static LazyInitializationException named(LazyInitializationException e, String alias) {
        if (alias == null) {
            return e;
        }
        LazyInitializationException named = new LazyInitializationException(message(e.getMessage(), alias));
        named.setStackTrace(e.getStackTrace());
        return named;
    }

    /** Hibernate's message, then the alias, the rule and the fix. */
    static String message(String hibernateMessage, String alias) {
        return hibernateMessage + ". It was loaded from database '" + alias + "', and a lazy load only ever reads"
                + " the database its owner came from, through the session that loaded it, which is closed. Load it"
                + " while that entity manager is open (a fetch join, Hibernate.initialize), or find it again with"
                + " em.using(\"" + alias + "\").find(...).";
    }
}
