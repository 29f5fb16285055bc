/**
 * The implementation of {@link dev.multidb.junit.MultiDbTest}: free to change, not for users.
 *
 * <p>Where things are: {@link dev.multidb.junit.internal.MultiDbExtension} is the JUnit side (callbacks,
 * parameters, stores); {@link dev.multidb.junit.internal.SharedFactory} is one unit's factory for a run,
 * with its {@link dev.multidb.junit.internal.AliasGuard} (forbidden aliases) and the
 * {@link dev.multidb.junit.internal.SchemaPreparation} that ran when it was built;
 * {@link dev.multidb.junit.internal.ClassSession} is one test class's use of it, with its
 * {@link dev.multidb.junit.internal.Declaration} and its isolation:
 * {@link dev.multidb.junit.internal.RollbackIsolation} (one {@link dev.multidb.junit.internal.PinnedConnection}
 * per alias) or {@link dev.multidb.junit.internal.TableFlush}.
 */
package dev.multidb.junit.internal;
