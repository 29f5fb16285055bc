package dev.multidb.liquibase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Migrator#migrate(String)} would run on one alias, found without changing anything there
 * (no table is created, no lock taken, no history adopted).
 *
 * @param alias            the alias
 * @param pending          for each app allowed on the alias (by name, in order), the changesets that
 *                         would run, in order; an up-to-date app maps to an empty list
 * @param appsNotAllowed   the apps with a changelog that {@code allowMigrate} keeps off the alias
 * @param pendingAdoptions the adoptions of former app names that the next migration would record;
 *                         changesets they cover are not pending
 */
public record StatusReport(String alias, Map<String, List<ChangeSetId>> pending, List<String> appsNotAllowed,
        List<Adoption> pendingAdoptions) {

    /** Requires the alias; copies the collections, keeping the order of {@code pending}. */
    public StatusReport {
        Objects.requireNonNull(alias, "alias");
        Map<String, List<ChangeSetId>> copy = new LinkedHashMap<>();
        pending.forEach((app, ids) -> copy.put(app, List.copyOf(ids)));
        pending = Collections.unmodifiableMap(copy);
        appsNotAllowed = List.copyOf(appsNotAllowed);
        pendingAdoptions = List.copyOf(pendingAdoptions);
    }

    /** How many changesets would run, all apps together. */
    public int pendingCount() {
        return pending.values().stream().mapToInt(List::size).sum();
    }

    /** Whether nothing would run and nothing would be adopted. */
    public boolean isUpToDate() {
        return pendingCount() == 0 && pendingAdoptions.isEmpty();
    }
}
