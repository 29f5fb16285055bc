package dev.multidb.internal.session;

import dev.multidb.internal.replicas.Replicas;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A select routed to a replica outside a transaction. If the replica's connection breaks while the
 * query runs (the server stopped, the network dropped), the replica is taken out of rotation and the
 * same query runs again once; its session then gets its connection from another replica or the
 * primary (see the connection provider), so the caller sees a result, not the failure.
 */
final class ReplicaReadQuery<X> extends ForwardingTypedQuery<X> {

    private final String replica;
    private final Replicas replicas;

    ReplicaReadQuery(TypedQuery<X> delegate, String replica, Replicas replicas) {
        super(delegate);
        this.replica = replica;
        this.replicas = replicas;
    }

    private <T> T retrying(Supplier<T> execution) {
        try {
            return execution.get();
        } catch (RuntimeException e) {
            if (!ConnectionFailures.isConnectionFailure(e)) {
                throw e;
            }
            replicas.markDown(replica, e);
            return execution.get();
        }
    }

    @Override
    public List<X> getResultList() {
        return retrying(target::getResultList);
    }

    @Override
    public Stream<X> getResultStream() {
        return retrying(target::getResultStream);
    }

    @Override
    public X getSingleResultOrNull() {
        return retrying(target::getSingleResultOrNull);
    }

    @Override
    public X getSingleResult() {
        return retrying(target::getSingleResult);
    }
}
