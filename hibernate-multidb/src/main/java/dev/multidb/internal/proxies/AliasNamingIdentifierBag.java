package dev.multidb.internal.proxies;

import org.hibernate.LazyInitializationException;
import org.hibernate.collection.spi.PersistentIdentifierBag;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;

/**
 * Hibernate's bag with identifiers, whose {@code LazyInitializationException} names the alias it was loaded from. Each
 * method of the collection interfaces is overridden only to rename that exception; {@code LazyCollectionsTest}
 * calls every one of them on a collection of a closed entity manager, and fails for one left out.
 */
final class AliasNamingIdentifierBag<E> extends PersistentIdentifierBag<E> {

    private static final long serialVersionUID = 1L;

    private final String alias;

    AliasNamingIdentifierBag(SharedSessionContractImplementor session) {
        super(session);
        this.alias = LazyLoadMessages.aliasOf(session);
    }

    private LazyInitializationException named(LazyInitializationException e) {
        return LazyLoadMessages.named(e, alias);
    }

    @Override
    public boolean addAll(int argument1, Collection<? extends E> argument2) {
        try {
            return super.addAll(argument1, argument2);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
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
    public void add(int argument1, E argument2) {
        try {
            super.add(argument1, argument2);
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
    public E get(int argument) {
        try {
            return super.get(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public int indexOf(Object argument) {
        try {
            return super.indexOf(argument);
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
    public int lastIndexOf(Object argument) {
        try {
            return super.lastIndexOf(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public ListIterator<E> listIterator() {
        try {
            return super.listIterator();
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public ListIterator<E> listIterator(int argument) {
        try {
            return super.listIterator(argument);
        } catch (LazyInitializationException e) {
            throw named(e);
        }
    }

    @Override
    public boolean removeAll(Collection argument) {
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
    public E remove(int argument) {
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
    public E set(int argument1, E argument2) {
        try {
            return super.set(argument1, argument2);
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
    public List<E> subList(int argument1, int argument2) {
        try {
            return super.subList(argument1, argument2);
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

}
