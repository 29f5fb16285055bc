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
 * <p>Prepared statements are returned unwrapped: only {@code Connection} calls pass the proxy, which
 * keeps the per-statement cost to one reflective call.
 */
final class AuditedConnections {

    private static final Class<?>[] CONNECTION = {Connection.class};

    private AuditedConnections() {
    }

    static Connection wrap(Connection connection, String alias, StatementListeners listeners) {
        return (Connection) Proxy.newProxyInstance(AuditedConnections.class.getClassLoader(), CONNECTION,
                new ConnectionHandler(connection, alias, listeners));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private record ConnectionHandler(Connection target, String alias, StatementListeners listeners)
            implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "prepareStatement", "prepareCall" -> listeners.fire(alias, (String) args[0]);
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "AuditedConnection[" + alias + "]";
                }
                default -> {
                }
            }
            Object result = AuditedConnections.invoke(target, method, args);
            if (result instanceof Statement statement && "createStatement".equals(name)) {
                return Proxy.newProxyInstance(AuditedConnections.class.getClassLoader(),
                        new Class<?>[] {Statement.class}, new StatementHandler(statement, (Connection) proxy,
                                alias, listeners));
            }
            return result;
        }
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
            return AuditedConnections.invoke(target, method, args);
        }
    }
}
