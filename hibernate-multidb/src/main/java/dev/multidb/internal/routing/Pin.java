package dev.multidb.internal.routing;

/**
 * The alias an entity type is pinned to by {@code @Database}, with where the annotation was found, so
 * that an error can point at the line to fix. {@link #NONE} stands for "not pinned" because a
 * {@link ClassValue} needs a value for every class.
 *
 * @param alias  the annotation's value, or {@code null} for {@link #NONE}
 * @param source where it was declared, e.g. {@code @Database on com.acme.Book} or
 *               {@code @Database on package com.acme}
 */
record Pin(String alias, String source) {

    static final Pin NONE = new Pin(null, null);

    boolean pinned() {
        return alias != null;
    }
}
