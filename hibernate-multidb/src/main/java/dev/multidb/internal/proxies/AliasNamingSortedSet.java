package dev.multidb.internal.proxies;

import org.hibernate.LazyInitializationException;
import org.hibernate.collection.spi.PersistentSortedSet;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.SortedSet;

/**
 * Hibernate's sorted set, whose {@code LazyInitializationException} names the alias it was loaded from. Each
 * method of the collection interfaces is overridden only to rename that exception; {@code LazyCollectionsTest}
 * calls every one of them on a collection of a closed entity manager, and fails for one left out.
 */
final class AliasNamingSortedSet<E> extends PersistentSortedSet<E> {

    private static final long serialVersionUID = 1L;

    private final String alias;

    AliasNamingSortedSet(SharedSessionContractImplementor session, Comparator<E> comparator) {
        super(session, comparator);
        this.alias = LazyLoadMessages.aliasOf(session);
    }

    private LazyInitializationException named(LazyInitializationException e) {
        return LazyLoadMessages.named(e, alias);
    }

    @Override
    public boolean addAll(Collection<? extends E> argument) {
        try {
            return super.addAll(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean add(E argument) {
        try {
            return super.add(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
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
    public Comparator<? super E> comparator() {
        try {
            return super.comparator();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean containsAll(Collection<?> argument) {
        try {
            return super.containsAll(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean contains(Object argument) {
        try {
            return super.contains(argument);
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
    public E first() {
        try {
            return super.first();
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
    public SortedSet<E> headSet(E argument) {
        try {
            return super.headSet(argument);
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
    public Iterator<E> iterator() {
        try {
            return super.iterator();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public E last() {
        try {
            return super.last();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean removeAll(Collection<?> argument) {
        try {
            return super.removeAll(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean remove(Object argument) {
        try {
            return super.remove(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean retainAll(Collection<?> argument) {
        try {
            return super.retainAll(argument);
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
    public SortedSet<E> subSet(E argument1, E argument2) {
        try {
            return super.subSet(argument1, argument2);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public SortedSet<E> tailSet(E argument) {
        try {
            return super.tailSet(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public Object[] toArray() {
        try {
            return super.toArray();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public <A> A[] toArray(A[] argument) {
        try {
            return super.toArray(argument);
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

}
