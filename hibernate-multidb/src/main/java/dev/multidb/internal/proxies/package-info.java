/**
 * Lazy proxies that say which database they belong to. Hibernate's proxies fail with
 * {@code LazyInitializationException} once the session that made them is closed; in a unit with several
 * databases the message is only useful if it names the alias whose child session made the proxy. The
 * bytecode provider of a multidb unit (and only of one) is wrapped so that every entity proxy carries its
 * alias and adds it to that exception.
 */
package dev.multidb.internal.proxies;
