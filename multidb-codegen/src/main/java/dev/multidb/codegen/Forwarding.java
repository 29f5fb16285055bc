package dev.multidb.codegen;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a forwarding class of an interface in the annotated package: an abstract, package-private class named
 * {@code Forwarding<Interface>} that implements every method of the interface (its own, inherited and default
 * ones) by calling the same method on a {@code protected final} field {@code target}. A hand-written subclass
 * overrides only the methods that do more than forward. A generic interface gives a generic class
 * ({@code ForwardingTypedQuery<X> implements TypedQuery<X>}).
 *
 * <p>Put it on {@code package-info.java}; it is read at compile time by {@link ForwardingProcessor} and not kept.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PACKAGE)
@Repeatable(Forwarding.List.class)
public @interface Forwarding {

    /** The interface whose methods are forwarded. */
    Class<?> value();

    /**
     * Whether a method that returns the interface itself or one of its super-interfaces (a fluent setter, as JPA's
     * {@code TypedQuery.setParameter}) returns {@code this} rather than the target's result, so that chained calls
     * stay on the forwarding object.
     */
    boolean fluent() default false;

    /** Several forwarding classes in one package. */
    @Retention(RetentionPolicy.SOURCE)
    @Target(ElementType.PACKAGE)
    @interface List {
        Forwarding[] value();
    }
}
