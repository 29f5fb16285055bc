package dev.multidb.internal.routing.pinned;

import dev.multidb.Database;

/** An entity whose own annotation ({@code users}) must win over its package's ({@code other}). */
@Database("users")
public class PinnedByClassAndPackage {
}
