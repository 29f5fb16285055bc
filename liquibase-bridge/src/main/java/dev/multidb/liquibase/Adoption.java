package dev.multidb.liquibase;

import java.util.Objects;

/**
 * A renamed app taking over, on one alias, the migration history recorded under its former name
 * ({@code multidb.apps.<app>.formerly}).
 *
 * <p>The history rows whose {@code FILENAME} starts with {@code <formerly>/} are rewritten to start with
 * {@code <app>/}, nothing is run again, and the adoption is recorded in the alias's
 * {@code MULTIDB_APP_HISTORY} table. Adoption is idempotent: once no row is left under the former name
 * there is nothing more to adopt.
 *
 * @param app        the app's current name
 * @param formerly   its former name
 * @param changeSets how many history rows were (or, in a {@link StatusReport}, would be) adopted
 */
public record Adoption(String app, String formerly, int changeSets) {

    /** Requires both names and a non-negative count. */
    public Adoption {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(formerly, "formerly");
        if (changeSets < 0) {
            throw new IllegalArgumentException("changeSets must not be negative");
        }
    }

    /** For example {@code ingress adopted 5 changesets of services}. */
    @Override
    public String toString() {
        return app + " adopted " + changeSets + " changeset" + (changeSets == 1 ? "" : "s") + " of " + formerly;
    }
}
