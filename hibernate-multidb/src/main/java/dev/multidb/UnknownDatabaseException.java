package dev.multidb;

import java.util.Collection;
import java.util.TreeSet;

/**
 * An alias that is not configured was named: by {@code using(alias)}, {@code dataSource(alias)}, a
 * router, or a configuration key that refers to another alias.
 */
public class UnknownDatabaseException extends MultiDbException {
    private static final long serialVersionUID = 1L;

    private final String alias;

    public UnknownDatabaseException(String message, String alias) {
        super(message);
        this.alias = alias;
    }

    /**
     * The standard message: {@code The database 'nosuch' doesn't exist. Known databases: default, other.}
     *
     * @param alias the unknown alias
     * @param known the configured aliases, listed sorted
     */
    public static UnknownDatabaseException of(String alias, Collection<String> known) {
        return new UnknownDatabaseException(message(alias, known), alias);
    }

    /** The standard message text, for callers that add context in front of it. */
    public static String message(String alias, Collection<String> known) {
        return "The database '" + alias + "' doesn't exist. Known databases: "
                + String.join(", ", new TreeSet<>(known)) + ".";
    }

    /** The alias that was not found. */
    public String alias() {
        return alias;
    }
}
