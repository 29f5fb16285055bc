package dev.multidb.codegen;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a guarded subclass of a class in the annotated package: an abstract, package-private class named
 * {@code Guarded<Class>} with the class's type parameters and constructors, that overrides every non-final method
 * the class implements of its {@code java.util} interfaces (and {@code equals}, {@code hashCode}, {@code toString}
 * where the class defines them) as {@code try { return super.m(...); } catch (E e) { throw rethrown(e); }}, with
 * {@code protected abstract E rethrown(E e)} left to the hand-written subclass.
 *
 * <p>Put it on {@code package-info.java}; it is read at compile time by {@link GuardedProcessor} and not kept.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PACKAGE)
@Repeatable(Guarded.List.class)
public @interface Guarded {

    /** The class subclassed. */
    Class<?> value();

    /** The exception caught around every call and handed to {@code rethrown}. */
    Class<? extends Throwable> exception();

    /** Several guarded classes in one package. */
    @Retention(RetentionPolicy.SOURCE)
    @Target(ElementType.PACKAGE)
    @interface List {
        Guarded[] value();
    }
}
