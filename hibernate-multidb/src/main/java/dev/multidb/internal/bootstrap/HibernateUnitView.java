package dev.multidb.internal.bootstrap;

import dev.multidb.internal.config.StandardKeys;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Properties;

/**
 * The persistence unit as Hibernate is given it: the same unit, whose properties leave out the {@code multidb.*}
 * keys and the standard JDBC keys read as alias {@code default}'s. Hibernate never holds the aliases' URLs and
 * passwords, so neither its {@code getProperties()} nor its logging of its settings can show them. A dynamic proxy:
 * it is made once per bootstrap, and every other method of the descriptor is the unit's own.
 */
final class HibernateUnitView {

    private HibernateUnitView() {
    }

    static PersistenceUnitDescriptor of(PersistenceUnitDescriptor unit) {
        return (PersistenceUnitDescriptor) Proxy.newProxyInstance(PersistenceUnitDescriptor.class.getClassLoader(),
                new Class<?>[] {PersistenceUnitDescriptor.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getProperties") && method.getParameterCount() == 0) {
                        return withoutOurKeys(unit.getProperties());
                    }
                    if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                        return "PersistenceUnit[" + unit.getName() + "]";
                    }
                    try {
                        return method.invoke(unit, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Properties withoutOurKeys(Properties properties) {
        Properties kept = new Properties();
        if (properties != null) {
            properties.forEach((key, value) -> {
                String name = String.valueOf(key);
                if (StandardKeys.isForHibernate(name)) {
                    kept.put(key, value);
                }
            });
        }
        return kept;
    }
}
