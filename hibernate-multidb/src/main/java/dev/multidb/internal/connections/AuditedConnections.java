package dev.multidb.internal.connections;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Wraps JDBC connections so that every statement is reported with the alias of the pool it goes to.
 *
 * <p>Reporting at the connection, not in Hibernate, is deliberate: it is the only place that knows for
 * certain which database a statement reaches, whatever path sent it (a child session, a lazy load,
 * schema generation, raw JDBC through {@code dataSource(alias)}). A statement is reported when it is
 * prepared, or for plain {@link Statement}s when it is executed or batched, before the driver sees it,
 * so that a listener that throws stops it from being sent.
 *
 * <p>Prepared statements are returned unwrapped. Plain statements, rare on the hot path (Hibernate
 * prepares everything), are wrapped by a dynamic proxy.
 */
final class AuditedConnections {

    private AuditedConnections() {
    }

    static Connection wrap(Connection connection, String alias, StatementListeners listeners) {
        return new AuditedConnection(connection, alias, listeners);
    }

    static Statement auditStatement(Statement statement, Connection owner, String alias, StatementListeners listeners) {
        return (Statement) Proxy.newProxyInstance(AuditedConnections.class.getClassLoader(),
                new Class<?>[] {Statement.class}, new StatementHandler(statement, owner, alias, listeners));
    }

    private record StatementHandler(Statement target, Connection connection, String alias,
                                    StatementListeners listeners) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (args != null && args.length > 0 && args[0] instanceof String sql
                    && (name.startsWith("execute") || name.equals("addBatch"))) {
                listeners.fire(alias, sql);
            } else if (name.equals("getConnection")) {
                return connection;
            } else if (name.equals("equals")) {
                return proxy == args[0];
            } else if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
