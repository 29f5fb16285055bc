package dev.multidb.internal.session;

import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Parameter;
import jakarta.persistence.TemporalType;
import jakarta.persistence.TypedQuery;

import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link TypedQuery} that forwards every call to the query Hibernate created; subclasses change how it
 * runs. Setters return this wrapper, not the delegate, so that chained calls keep what the subclass adds.
 */
abstract class ForwardingQuery<X> implements TypedQuery<X> {

    protected final TypedQuery<X> delegate;

    ForwardingQuery(TypedQuery<X> delegate) {
        this.delegate = delegate;
    }

    @Override
    public int executeUpdate() {
        return delegate.executeUpdate();
    }

    @Override
    public CacheRetrieveMode getCacheRetrieveMode() {
        return delegate.getCacheRetrieveMode();
    }

    @Override
    public CacheStoreMode getCacheStoreMode() {
        return delegate.getCacheStoreMode();
    }

    @Override
    public int getFirstResult() {
        return delegate.getFirstResult();
    }

    @Override
    public FlushModeType getFlushMode() {
        return delegate.getFlushMode();
    }

    @Override
    public Map<String, Object> getHints() {
        return delegate.getHints();
    }

    @Override
    public LockModeType getLockMode() {
        return delegate.getLockMode();
    }

    @Override
    public int getMaxResults() {
        return delegate.getMaxResults();
    }

    @Override
    public Object getParameterValue(String a0) {
        return delegate.getParameterValue(a0);
    }

    @Override
    public Object getParameterValue(int a0) {
        return delegate.getParameterValue(a0);
    }

    @Override
    public <T> T getParameterValue(Parameter<T> a0) {
        return delegate.getParameterValue(a0);
    }

    @Override
    public <T> Parameter<T> getParameter(String a0, Class<T> a1) {
        return delegate.getParameter(a0, a1);
    }

    @Override
    public Parameter<?> getParameter(String a0) {
        return delegate.getParameter(a0);
    }

    @Override
    public <T> Parameter<T> getParameter(int a0, Class<T> a1) {
        return delegate.getParameter(a0, a1);
    }

    @Override
    public Parameter<?> getParameter(int a0) {
        return delegate.getParameter(a0);
    }

    @Override
    public Set<Parameter<?>> getParameters() {
        return delegate.getParameters();
    }

    @Override
    public List<X> getResultList() {
        return delegate.getResultList();
    }

    @Override
    public Stream<X> getResultStream() {
        return delegate.getResultStream();
    }

    @Override
    public X getSingleResultOrNull() {
        return delegate.getSingleResultOrNull();
    }

    @Override
    public X getSingleResult() {
        return delegate.getSingleResult();
    }

    @Override
    public Integer getTimeout() {
        return delegate.getTimeout();
    }

    @Override
    public boolean isBound(Parameter<?> a0) {
        return delegate.isBound(a0);
    }

    @Override
    public TypedQuery<X> setCacheRetrieveMode(CacheRetrieveMode a0) {
        delegate.setCacheRetrieveMode(a0);
        return this;
    }

    @Override
    public TypedQuery<X> setCacheStoreMode(CacheStoreMode a0) {
        delegate.setCacheStoreMode(a0);
        return this;
    }

    @Override
    public TypedQuery<X> setFirstResult(int a0) {
        delegate.setFirstResult(a0);
        return this;
    }

    @Override
    public TypedQuery<X> setFlushMode(FlushModeType a0) {
        delegate.setFlushMode(a0);
        return this;
    }

    @Override
    public TypedQuery<X> setHint(String a0, Object a1) {
        delegate.setHint(a0, a1);
        return this;
    }

    @Override
    public TypedQuery<X> setLockMode(LockModeType a0) {
        delegate.setLockMode(a0);
        return this;
    }

    @Override
    public TypedQuery<X> setMaxResults(int a0) {
        delegate.setMaxResults(a0);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(String a0, Object a1) {
        delegate.setParameter(a0, a1);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(String a0, Calendar a1, TemporalType a2) {
        delegate.setParameter(a0, a1, a2);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(String a0, Date a1, TemporalType a2) {
        delegate.setParameter(a0, a1, a2);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(int a0, Object a1) {
        delegate.setParameter(a0, a1);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(int a0, Calendar a1, TemporalType a2) {
        delegate.setParameter(a0, a1, a2);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(int a0, Date a1, TemporalType a2) {
        delegate.setParameter(a0, a1, a2);
        return this;
    }

    @Override
    public <T> TypedQuery<X> setParameter(Parameter<T> a0, T a1) {
        delegate.setParameter(a0, a1);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(Parameter<Calendar> a0, Calendar a1, TemporalType a2) {
        delegate.setParameter(a0, a1, a2);
        return this;
    }

    @Override
    public TypedQuery<X> setParameter(Parameter<Date> a0, Date a1, TemporalType a2) {
        delegate.setParameter(a0, a1, a2);
        return this;
    }

    @Override
    public TypedQuery<X> setTimeout(Integer a0) {
        delegate.setTimeout(a0);
        return this;
    }

    @Override
    public <T> T unwrap(Class<T> a0) {
        return delegate.unwrap(a0);
    }
}
