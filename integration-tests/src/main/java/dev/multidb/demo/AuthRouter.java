package dev.multidb.demo;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import dev.multidb.demo.auth.User;

/**
 * Django's documentation example, as ordinary user code: everything of the auth app lives on auth_db.
 */
public class AuthRouter implements DatabaseRouter {

    private static boolean isAuth(Class<?> type) {
        return type.getPackageName().equals(User.class.getPackageName());
    }

    @Override
    public String dbForRead(Class<?> entityType, Hints hints) {
        return isAuth(entityType) ? "auth_db" : null;
    }

    @Override
    public String dbForWrite(Class<?> entityType, Hints hints) {
        return isAuth(entityType) ? "auth_db" : null;
    }

    @Override
    public Boolean allowRelation(Object a, Object b, Hints hints) {
        return isAuth(typeOf(a)) || isAuth(typeOf(b)) ? Boolean.valueOf(isAuth(typeOf(a)) && isAuth(typeOf(b))) : null;
    }

    @Override
    public Boolean allowMigrate(String alias, String app, Hints hints) {
        return "auth".equals(app) ? Boolean.valueOf(alias.equals("auth_db")) : null;
    }

    private static Class<?> typeOf(Object value) {
        return value instanceof Class<?> type ? type : value.getClass();
    }
}
