package dev.multidb.internal.routing.pinned;

/** An entity with no annotation of its own, pinned to {@code other} by its package. */
public class PinnedByPackage {
}
