package dev.multidb.junit.support;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;

/** The app {@code audit} lives on {@code third}: reads, writes and its tables. */
public class AuditRouter implements DatabaseRouter {

    @Override
    public String dbForRead(Class<?> type, Hints hints) {
        return isAudit(type) ? "third" : null;
    }

    @Override
    public String dbForWrite(Class<?> type, Hints hints) {
        return isAudit(type) ? "third" : null;
    }

    @Override
    public Boolean allowMigrate(String alias, String app, Hints hints) {
        return "audit".equals(app) ? "third".equals(alias) : null;
    }

    private static boolean isAudit(Class<?> type) {
        return type.getPackageName().endsWith(".audit");
    }
}
