package dev.multidb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins an entity class, or every entity of a package (on {@code package-info.java}), to one alias.
 *
 * <p>It acts as a built-in router asked before the routers of {@code multidb.routers}: reads and writes
 * of the entity go to {@link #value()}, relations between entities pinned to the same alias are
 * allowed, and the entity's tables are migrated only there. An annotation on the class wins over one
 * on its package; a subclass inherits its superclass's annotation.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Database {
    /** The alias, as configured under {@code multidb.databases.<alias>}. */
    String value();
}
