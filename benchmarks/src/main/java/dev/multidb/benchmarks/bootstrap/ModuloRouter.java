package dev.multidb.benchmarks.bootstrap;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;

/**
 * Sends entity type {@code i} (0-based, {@code E01} is 0) to alias {@code a(i mod N)} for reads, writes
 * and schema generation: each alias gets its share of the 50 tables.
 */
public final class ModuloRouter implements DatabaseRouter {

    private final int aliases;

    public ModuloRouter(int aliases) {
        if (aliases < 1) {
            throw new IllegalArgumentException("aliases must be at least 1, not " + aliases);
        }
        this.aliases = aliases;
    }

    @Override
    public String dbForRead(Class<?> entityType, Hints hints) {
        return aliasOf(entityType);
    }

    @Override
    public String dbForWrite(Class<?> entityType, Hints hints) {
        return aliasOf(entityType);
    }

    @Override
    public Boolean allowMigrate(String alias, String app, Hints hints) {
        Class<?> type = hints.entityType();
        return type == null ? null : alias.equals(aliasOf(type));
    }

    private String aliasOf(Class<?> type) {
        return BootstrapModel.alias(BootstrapModel.aliasNumberOf(type, aliases));
    }
}
