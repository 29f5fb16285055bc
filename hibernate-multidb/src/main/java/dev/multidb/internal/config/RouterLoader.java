package dev.multidb.internal.config;

import dev.multidb.DatabaseRouter;
import dev.multidb.MultiDbException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns the value of {@code multidb.routers} into router instances, in configured order.
 *
 * <p>Why so many forms: in {@code persistence.xml} the value is text (class names separated by commas),
 * while a properties map given to {@code Persistence.createEntityManagerFactory} may hold routers that
 * the application built itself, their classes, or a list of either. Every failure names the key and the
 * class, and says whether the class is missing, not a router, or failed while being created.
 */
final class RouterLoader {

    static final String KEY = ConfigKeys.PREFIX + "routers";

    private final ClassLoader classLoader;
    private final UnaryOperator<String> substitution;

    /**
     * @param classLoader  where class names are looked up
     * @param substitution applied to every class name text before it is split
     */
    RouterLoader(ClassLoader classLoader, UnaryOperator<String> substitution) {
        this.classLoader = classLoader;
        this.substitution = substitution;
    }

    List<DatabaseRouter> load(Object value) {
        List<DatabaseRouter> routers = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(element -> add(element, routers));
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                add(element, routers);
            }
        } else {
            add(value, routers);
        }
        return List.copyOf(routers);
    }

    private void add(Object element, List<DatabaseRouter> routers) {
        if (element instanceof DatabaseRouter router) {
            routers.add(router);
        } else if (element instanceof Class<?> type) {
            routers.add(instantiate(type));
        } else if (element instanceof String text) {
            for (String entry : substitution.apply(text).split(",")) {
                String className = entry.trim();
                if (!className.isEmpty()) {
                    routers.add(instantiate(load(className)));
                }
            }
        } else {
            throw new MultiDbException("Invalid value '" + element + "' ("
                    + (element == null ? "null" : element.getClass().getName()) + ") for '" + KEY
                    + "'. Give router class names separated by commas, DatabaseRouter instances or their classes,"
                    + " for example com.acme.AuthRouter, com.acme.ShardRouter.");
        }
    }

    private Class<?> load(String className) {
        try {
            return Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new MultiDbException("Cannot load router class '" + className + "' listed in '" + KEY
                    + "': ClassNotFoundException. Check the spelling of the class name and that the class is on"
                    + " the classpath.", e);
        } catch (LinkageError e) {
            throw new MultiDbException("Cannot load router class '" + className + "' listed in '" + KEY + "': "
                    + describe(e) + ". Check that the class and its dependencies are on the classpath.", e);
        }
    }

    private static DatabaseRouter instantiate(Class<?> type) {
        String prefix = "Router class '" + type.getName() + "' listed in '" + KEY + "'";
        if (!DatabaseRouter.class.isAssignableFrom(type)) {
            throw new MultiDbException("Class '" + type.getName() + "' listed in '" + KEY
                    + "' does not implement dev.multidb.DatabaseRouter. Implement the interface, or remove the"
                    + " class from '" + KEY + "'.");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new MultiDbException(prefix + " cannot be instantiated because it is abstract. List a concrete"
                    + " class, or pass a router instance under '" + KEY + "' in the properties map.");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new MultiDbException(prefix + " has no public no-argument constructor. Add one, or pass a router"
                    + " instance under '" + KEY + "' in the properties map.");
        }
        try {
            return (DatabaseRouter) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw failed(prefix, "in its constructor", e.getCause());
        } catch (ExceptionInInitializerError e) {
            throw failed(prefix, "in its static initializer", e.getCause() == null ? e : e.getCause());
        } catch (IllegalAccessException e) {
            throw new MultiDbException(prefix + " is not accessible (" + e.getMessage() + "). Make the class"
                    + " public, or pass a router instance under '" + KEY + "' in the properties map.", e);
        } catch (InstantiationException e) {
            throw new MultiDbException(prefix + " cannot be instantiated (InstantiationException). List a concrete"
                    + " class, or pass a router instance under '" + KEY + "' in the properties map.", e);
        }
    }

    private static MultiDbException failed(String prefix, String where, Throwable cause) {
        return new MultiDbException(prefix + " failed " + where + ": " + describe(cause) + ". Fix the router, or"
                + " remove it from '" + KEY + "'.", cause);
    }

    private static String describe(Throwable error) {
        String name = error.getClass().getSimpleName();
        return error.getMessage() == null ? name : name + ": " + error.getMessage();
    }
}
