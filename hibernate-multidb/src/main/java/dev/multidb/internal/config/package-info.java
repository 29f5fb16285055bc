/**
 * Configuration: the {@code multidb.*} keys of a persistence unit, parsed once into immutable settings.
 *
 * <p>{@link dev.multidb.internal.config.MultiDbSettings#parse} is the only way in. It either returns
 * settings that are complete and consistent, or fails with a {@link dev.multidb.MultiDbException} that
 * names the offending key, shows its value (masked when it is secret), states the rule and says how to
 * fix it. Nothing is corrected silently, and no pool, connection or database is touched while parsing.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>every object handed out is immutable (routers aside, which are the user's objects);</li>
 *   <li>collections and maps are sorted (aliases, databases, apps) or in configured order (routers);</li>
 *   <li>passwords never appear in exception messages or {@code toString()}: they are held in
 *       {@link dev.multidb.internal.config.Secret}, JDBC URLs are shown through
 *       {@link dev.multidb.internal.config.JdbcUrls#mask}, and every message is passed through
 *       {@link dev.multidb.internal.config.Redaction} before it is thrown.</li>
 * </ul>
 *
 * <p>Internal: free to change between releases.
 */
package dev.multidb.internal.config;
