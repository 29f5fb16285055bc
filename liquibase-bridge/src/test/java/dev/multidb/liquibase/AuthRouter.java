package dev.multidb.liquibase;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;

/** Django's AuthRouter for migrations: {@code auth} only on {@code users}, nothing else there, no app on {@code empty}. */
public class AuthRouter implements DatabaseRouter {
    @Override
    public Boolean allowMigrate(String alias, String app, Hints hints) {
        if (alias.equals("empty")) {
            return false;
        }
        if (app.equals("auth")) {
            return alias.equals("users");
        }
        return alias.equals("users") ? Boolean.FALSE : null;
    }
}
