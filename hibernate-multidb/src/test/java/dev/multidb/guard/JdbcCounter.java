package dev.multidb.guard;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Counts, at the JDBC driver's door, what a workload costs: connections acquired and closed, statements
 * prepared or sent by kind, executions (round trips that run SQL), commits, rollbacks and auto-commit
 * switches. The same instrument sits under plain Hibernate (as its data source) and under
 * hibernate-multidb (as the connection source of an alias), so the two counts compare like with like.
 */
final class JdbcCounter {

    private final Map<String, Integer> counts = new TreeMap<>();

    /** A data source whose connections come from {@code target}, counted. */
    DataSource dataSource(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> counted((Connection) invoke(target, method, args));
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> invoke(target, method, args);
                });
    }

    /** A counted connection of {@code target}: what an overridden alias of hibernate-multidb hands out. */
    Connection connection(DataSource target) throws SQLException {
        return counted(target.getConnection());
    }

    private Connection counted(Connection raw) {
        count("connections acquired");
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "prepareStatement" -> {
                        count("statements " + kind((String) args[0]));
                        yield statement(invoke(raw, method, args), PreparedStatement.class);
                    }
                    case "prepareCall" -> {
                        count("statements " + kind((String) args[0]));
                        yield statement(invoke(raw, method, args), CallableStatement.class);
                    }
                    case "createStatement" -> statement(invoke(raw, method, args), Statement.class);
                    case "commit", "rollback" -> {
                        count(method.getName() + "s");
                        yield invoke(raw, method, args);
                    }
                    case "setAutoCommit" -> {
                        count("setAutoCommit(" + args[0] + ")");
                        yield invoke(raw, method, args);
                    }
                    case "close" -> {
                        count("connections closed");
                        yield invoke(raw, method, args);
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> invoke(raw, method, args);
                });
    }

    private Object statement(Object raw, Class<? extends Statement> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("execute")) {
                        count("executions");
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String sql
                            && (name.startsWith("execute") || name.equals("addBatch"))) {
                        count("statements " + kind(sql));
                    }
                    return switch (name) {
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> invoke(raw, method, args);
                    };
                });
    }

    static String kind(String sql) {
        String verb = sql.stripLeading().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return switch (verb) {
            case "select", "insert", "update", "delete" -> verb;
            default -> "other";
        };
    }

    private synchronized void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    /** What has been counted since the last {@link #reset()}, sorted by name. */
    synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    synchronized void reset() {
        counts.clear();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
