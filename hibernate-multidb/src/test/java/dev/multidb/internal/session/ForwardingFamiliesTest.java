package dev.multidb.internal.session;

import dev.multidb.support.ForwardingContract;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.TypedQuery;
import org.junit.jupiter.api.Test;

/** The guard of the generated JPA forwarding classes ({@link ForwardingContract}). */
class ForwardingFamiliesTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyQueryMethodReachesTheTargetAndItsSettersReturnTheWrapper() throws Exception {
        ForwardingContract.check(TypedQuery.class, target -> new ForwardingTypedQuery<>((TypedQuery<Object>) target) { },
                true);
    }

    @Test
    void everyTransactionMethodReachesTheTarget() throws Exception {
        ForwardingContract.check(EntityTransaction.class,
                target -> new ForwardingEntityTransaction((EntityTransaction) target) { }, false);
    }
}
