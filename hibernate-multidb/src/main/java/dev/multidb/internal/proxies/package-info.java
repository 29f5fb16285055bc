/**
 * Lazy proxies and collections that say which database they belong to. Hibernate's fail with
 * {@code LazyInitializationException} once the session that made them is closed; in a unit with several
 * databases the message is only useful if it names the alias whose child session made them. For a multidb
 * unit (and only for one) the bytecode provider is wrapped so that every entity proxy carries its alias, and
 * the persister factory is replaced so that Hibernate's two standard collection persisters are subclasses
 * whose lazily loaded collections are alias-naming subclasses of Hibernate's own collection classes.
 * Everything else is Hibernate's: the wrappers only rename that one exception.
 *
 * <p>The collection subclasses extend {@code Guarded<Class>} classes generated at build time from the annotations
 * below: one template guards every collection method of each Hibernate class.
 */
@Guarded(value = org.hibernate.collection.spi.PersistentBag.class, exception = org.hibernate.LazyInitializationException.class)
@Guarded(value = org.hibernate.collection.spi.PersistentIdentifierBag.class, exception = org.hibernate.LazyInitializationException.class)
@Guarded(value = org.hibernate.collection.spi.PersistentList.class, exception = org.hibernate.LazyInitializationException.class)
@Guarded(value = org.hibernate.collection.spi.PersistentSet.class, exception = org.hibernate.LazyInitializationException.class)
@Guarded(value = org.hibernate.collection.spi.PersistentSortedSet.class, exception = org.hibernate.LazyInitializationException.class)
@Guarded(value = org.hibernate.collection.spi.PersistentMap.class, exception = org.hibernate.LazyInitializationException.class)
@Guarded(value = org.hibernate.collection.spi.PersistentSortedMap.class, exception = org.hibernate.LazyInitializationException.class)
package dev.multidb.internal.proxies;

import dev.multidb.codegen.Guarded;
