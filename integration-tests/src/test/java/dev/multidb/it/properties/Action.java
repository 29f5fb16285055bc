package dev.multidb.it.properties;

import dev.multidb.it.properties.Placement.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.util.List;

/**
 * One step of a generated unit of work. Steps name instances by a number ({@code pick}) that the run
 * maps onto the instances it holds at that moment, so that every generated sequence can be run and
 * jqwik can shrink any part of it.
 */
sealed interface Action {

    /** Where an operation is sent: through the routers, or to one alias with {@code using(alias)}. */
    enum Via {
        ROUTED(null), A("a"), B("b"), C("c");

        final String alias;

        Via(String alias) {
            this.alias = alias;
        }

        String prefix() {
            return alias == null ? "em." : "em.using(\"" + alias + "\").";
        }
    }

    /** {@code persist} of a new instance; {@code parity} chooses a shard's id, {@code customer} an invoice's customer. */
    record Persist(Kind kind, Via via, int parity, int customer) implements Action {
        @Override
        public String toString() {
            return via.prefix() + "persist(new " + kind.entityName() + (kind == Kind.SHARD ? parity == 0 ? " even" : " odd" : "")
                    + (kind == Kind.INVOICE ? " customer#" + customer : "") + ")";
        }
    }

    /** {@code using(alias).persist} of a detached instance stuck to another alias: an inserted copy. */
    record CopyPersist(Via via, int pick) implements Action {
        @Override
        public String toString() {
            return via.prefix() + "persist(detached #" + pick + ")";
        }
    }

    record Find(Kind kind, Via via, int id) implements Action {
        @Override
        public String toString() {
            return via.prefix() + "find(" + kind.entityName() + ", " + id + ")";
        }
    }

    /** JPQL {@code select e from Kind e}, routed by its root. */
    record Query(Kind kind, Via via) implements Action {
        @Override
        public String toString() {
            return via.prefix() + "createQuery(select e from " + kind.entityName() + " e)";
        }
    }

    /** {@code merge} of a detached instance. */
    record Merge(Via via, int pick) implements Action {
        @Override
        public String toString() {
            return via.prefix() + "merge(detached #" + pick + ")";
        }
    }

    /** {@code remove} of a managed instance. */
    record Remove(Via via, int pick) implements Action {
        @Override
        public String toString() {
            return via.prefix() + "remove(managed #" + pick + ")";
        }
    }

    /** A new label on an instance, managed (a write at flush) or detached (nothing, until merged). */
    record Change(int pick) implements Action {
        @Override
        public String toString() {
            return "change label of #" + pick;
        }
    }

    /** {@code invoice.getCustomer().getLabel()}: the lazy many-to-one. */
    record NavigateToCustomer(int pick) implements Action {
        @Override
        public String toString() {
            return "invoice #" + pick + ".getCustomer().getLabel()";
        }
    }

    /** {@code customer.getInvoices().size()}: the lazy collection. */
    record NavigateToInvoices(int pick) implements Action {
        @Override
        public String toString() {
            return "customer #" + pick + ".getInvoices().size()";
        }
    }

    record Flush() implements Action {
        @Override
        public String toString() {
            return "em.flush()";
        }
    }

    record Commit() implements Action {
        @Override
        public String toString() {
            return "commit, close";
        }
    }

    record Rollback() implements Action {
        @Override
        public String toString() {
            return "rollback, close";
        }
    }

    /** Sequences of 1 to {@code maxLength} steps, lengths uniformly spread; routed operations are the most frequent. */
    static Arbitrary<List<Action>> sequences(int maxLength) {
        Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
        Arbitrary<Via> vias = Arbitraries.frequency(
                Tuple.of(5, Via.ROUTED), Tuple.of(1, Via.A),
                Tuple.of(1, Via.B), Tuple.of(1, Via.C));
        Arbitrary<Via> aliases = Arbitraries.of(Via.A, Via.B, Via.C);
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 15);
        Arbitrary<Integer> ids = Arbitraries.integers().between(1, 6);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(14, Combinators.combine(kinds, vias, Arbitraries.integers().between(0, 1), picks)
                        .as(Persist::new)),
                Tuple.of(6, Combinators.combine(aliases, picks).as(CopyPersist::new)),
                Tuple.of(12, Combinators.combine(kinds, vias, ids).as(Find::new)),
                Tuple.of(8, Combinators.combine(kinds, vias).as(Query::new)),
                Tuple.of(8, Combinators.combine(vias, picks).as(Merge::new)),
                Tuple.of(6, Combinators.combine(vias, picks).as(Remove::new)),
                Tuple.of(12, picks.map(Change::new)),
                Tuple.of(5, picks.map(NavigateToCustomer::new)),
                Tuple.of(5, picks.map(NavigateToInvoices::new)),
                Tuple.of(4, Arbitraries.just(new Flush())),
                Tuple.of(7, Arbitraries.just(new Commit())),
                Tuple.of(3, Arbitraries.just(new Rollback())));
        // Uniform lengths: jqwik's default favours short lists, and short units of work reach little state.
        return action.list().ofMinSize(1).ofMaxSize(maxLength).withSizeDistribution(RandomDistribution.uniform());
    }
}
