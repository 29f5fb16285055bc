package dev.multidb.internal.proxies;

import org.hibernate.LazyInitializationException;
import org.hibernate.collection.spi.PersistentSortedMap;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Hibernate's sorted map, whose {@code LazyInitializationException} names the alias it was loaded from. Each
 * method of the collection interfaces is overridden only to rename that exception; {@code LazyCollectionsTest}
 * calls every one of them on a collection of a closed entity manager, and fails for one left out.
 */
final class AliasNamingSortedMap<K, E> extends PersistentSortedMap<K, E> {

    private static final long serialVersionUID = 1L;

    private final String alias;

    AliasNamingSortedMap(SharedSessionContractImplementor session, Comparator<K> comparator) {
        super(session, comparator);
        this.alias = LazyLoadMessages.aliasOf(session);
    }

    private LazyInitializationException named(LazyInitializationException e) {
        return LazyLoadMessages.named(e, alias);
    }

    @Override
    public void clear() {
        try {
            super.clear();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public Comparator<? super K> comparator() {
        try {
            return super.comparator();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean containsKey(Object argument) {
        try {
            return super.containsKey(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean containsValue(Object argument) {
        try {
            return super.containsValue(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public Set<Map.Entry<K, E>> entrySet() {
        try {
            return super.entrySet();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean equals(Object argument) {
        try {
            return super.equals(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public K firstKey() {
        try {
            return super.firstKey();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public E get(Object argument) {
        try {
            return super.get(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public int hashCode() {
        try {
            return super.hashCode();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public SortedMap<K, E> headMap(K argument) {
        try {
            return super.headMap(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean isEmpty() {
        try {
            return super.isEmpty();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public Set<K> keySet() {
        try {
            return super.keySet();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public K lastKey() {
        try {
            return super.lastKey();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends E> argument) {
        try {
            super.putAll(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public E put(K argument1, E argument2) {
        try {
            return super.put(argument1, argument2);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public E remove(Object argument) {
        try {
            return super.remove(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public int size() {
        try {
            return super.size();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public SortedMap<K, E> subMap(K argument1, K argument2) {
        try {
            return super.subMap(argument1, argument2);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public SortedMap<K, E> tailMap(K argument) {
        try {
            return super.tailMap(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public String toString() {
        try {
            return super.toString();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public Collection<E> values() {
        try {
            return super.values();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

}
