package dev.multidb.demo;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import dev.multidb.MultiDb;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Django's documentation example, as ordinary user code: reads go to a randomly chosen replica, writes
 * to the primary, and relations are allowed between objects of the pool.
 */
public class PrimaryReplicaRouter implements DatabaseRouter {

    private static final List<String> REPLICAS = List.of("replica1", "replica2");
    private static final Set<String> POOL = Set.of("primary", "replica1", "replica2");

    @Override
    public String dbForRead(Class<?> entityType, Hints hints) {
        return REPLICAS.get(ThreadLocalRandom.current().nextInt(REPLICAS.size()));
    }

    @Override
    public String dbForWrite(Class<?> entityType, Hints hints) {
        return "primary";
    }

    @Override
    public Boolean allowRelation(Object a, Object b, Hints hints) {
        if (a instanceof Class<?> && b instanceof Class<?>) {
            return Boolean.TRUE; // at bootstrap: every class this router places lives in the pool
        }
        return POOL.contains(MultiDb.aliasOf(a)) && POOL.contains(MultiDb.aliasOf(b)) ? Boolean.TRUE : null;
    }

    @Override
    public Boolean allowMigrate(String alias, String app, Hints hints) {
        return Boolean.TRUE;
    }
}
