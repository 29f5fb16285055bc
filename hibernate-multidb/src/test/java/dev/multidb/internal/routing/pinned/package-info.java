/** Test entities pinned by their package: everything here goes to {@code other}. */
@Database("other")
package dev.multidb.internal.routing.pinned;

import dev.multidb.Database;
