package dev.multidb.internal.routing;

import dev.multidb.Database;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/**
 * Finds the {@link Database} annotation that pins an entity type: on the class (inherited from a
 * superclass, the annotation being {@code @Inherited}) or, failing that, on the class's own package.
 *
 * <p>The router chain is asked on every operation, and reflection on annotations is not free, so the
 * answer is computed once per class and kept in a {@link ClassValue}. A {@link Pin} holds only strings,
 * so the cache never keeps a class loader alive.
 */
final class DatabaseAnnotations {

    private static final ClassValue<Pin> PINS = new ClassValue<>() {
        @Override
        protected Pin computeValue(Class<?> type) {
            return lookUp(type);
        }
    };

    private DatabaseAnnotations() {
    }

    /** The pin of {@code type}; {@link Pin#NONE} when neither the class nor its package is annotated. */
    static Pin pinOf(Class<?> type) {
        return PINS.get(type);
    }

    /**
     * The entity type an argument of {@code allowRelation} stands for: a {@link Class} is itself the type
     * (at bootstrap there are no instances), a Hibernate proxy stands for its persistent class, any
     * other object for its own class; {@code null} for {@code null}.
     */
    static Class<?> typeOf(Object entityOrType) {
        if (entityOrType == null) {
            return null;
        }
        if (entityOrType instanceof Class<?> type) {
            return type;
        }
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(entityOrType);
        return lazy != null ? lazy.getPersistentClass() : entityOrType.getClass();
    }

    private static Pin lookUp(Class<?> type) {
        Database onClass = type.getAnnotation(Database.class);
        if (onClass != null) {
            return new Pin(onClass.value(), "@Database on " + declaringClass(type).getName());
        }
        Package pkg = type.getPackage();
        Database onPackage = pkg == null ? null : pkg.getAnnotation(Database.class);
        if (onPackage != null) {
            return new Pin(onPackage.value(), "@Database on package " + pkg.getName());
        }
        return Pin.NONE;
    }

    /** The class that carries the annotation {@code type} sees: itself or the superclass it inherits it from. */
    private static Class<?> declaringClass(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getDeclaredAnnotation(Database.class) != null) {
                return c;
            }
        }
        return type;
    }
}
