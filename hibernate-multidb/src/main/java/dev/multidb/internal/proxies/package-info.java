/**
 * Lazy proxies and collections that say which database they belong to. Hibernate's fail with
 * {@code LazyInitializationException} once the session that made them is closed; in a unit with several
 * databases the message is only useful if it names the alias whose child session made them. For a multidb
 * unit (and only for one) the bytecode provider is wrapped so that every entity proxy carries its alias, and
 * the persister factory is replaced so that Hibernate's two standard collection persisters are subclasses
 * whose lazily loaded collections are alias-naming subclasses of Hibernate's own collection classes.
 * Everything else is Hibernate's: the wrappers only rename that one exception.
 */
package dev.multidb.internal.proxies;
