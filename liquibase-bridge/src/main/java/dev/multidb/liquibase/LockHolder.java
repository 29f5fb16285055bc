package dev.multidb.liquibase;

import java.time.Instant;

/**
 * Who holds an alias's Liquibase lock ({@code DATABASECHANGELOGLOCK}) and since when.
 *
 * @param lockedBy what Liquibase recorded as the holder, usually {@code host (address)}; may be
 *                 {@code null} when the row does not say
 * @param since    when the lock was granted, or {@code null} when the row does not say
 */
public record LockHolder(String lockedBy, Instant since) {

    /** For example {@code 'build-7 (10.0.0.7)' since 2025-01-31T10:15:00Z}. */
    @Override
    public String toString() {
        return "'" + (lockedBy == null ? "an unknown process" : lockedBy) + "'"
                + (since == null ? "" : " since " + since);
    }
}
