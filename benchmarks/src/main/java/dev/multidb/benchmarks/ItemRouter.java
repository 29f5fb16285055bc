package dev.multidb.benchmarks;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;

/** {@link MultiDatabaseModeBenchmark}'s router: {@link Item} lives on {@code default}, the rest on {@code other}. */
public final class ItemRouter implements DatabaseRouter {

    @Override
    public String dbForRead(Class<?> entityType, Hints hints) {
        return entityType == Item.class ? "default" : "other";
    }

    @Override
    public String dbForWrite(Class<?> entityType, Hints hints) {
        return dbForRead(entityType, hints);
    }

    @Override
    public Boolean allowMigrate(String alias, String app, Hints hints) {
        Class<?> type = hints.entityType();
        return type == null ? null : alias.equals(dbForRead(type, hints));
    }
}
