package dev.multidb.internal.relations;

import dev.multidb.internal.config.DatabaseSettings;
import dev.multidb.internal.config.MultiDbSettings;

import java.util.HashMap;
import java.util.Map;

/**
 * Which aliases hold the same data: an alias and its replicas ({@code replica-of}) form one group, named
 * after the primary. Relations inside a group are always possible: a replica is a copy of its primary.
 */
public final class AliasGroups {

    private final Map<String, String> primaryOf = new HashMap<>();

    public AliasGroups(MultiDbSettings settings) {
        for (DatabaseSettings database : settings.databases()) {
            primaryOf.put(database.alias(), database.replicaOf() != null ? database.replicaOf() : database.alias());
        }
    }

    /** The primary of {@code alias}'s group: {@code alias} itself unless it is a replica. */
    public String groupOf(String alias) {
        return primaryOf.getOrDefault(alias, alias);
    }

    /** How many groups (databases holding distinct data) the unit has. */
    public int count() {
        return (int) primaryOf.values().stream().distinct().count();
    }

    public boolean sameGroup(String a, String b) {
        return groupOf(a).equals(groupOf(b));
    }
}
