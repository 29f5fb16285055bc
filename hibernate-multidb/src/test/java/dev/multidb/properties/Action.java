package dev.multidb.properties;

import dev.multidb.properties.Placement.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One step of a generated unit of work. Steps name instances by a number ({@code pick}) that the run
 * maps onto the instances it holds at that moment, so that every generated sequence can be run and
 * the runner can shrink it by removing any of its steps.
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

    /**
     * A sequence of 1 to {@code maxLength} steps, lengths uniformly spread (short units of work reach little
     * state); routed operations are the most frequent.
     */
    static List<Action> sequence(SplittableRandom random, int maxLength) {
        int length = 1 + random.nextInt(maxLength);
        List<Action> actions = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            actions.add(next(random));
        }
        return actions;
    }

    /** One step; the weights of the kinds of step add up to 90. */
    private static Action next(SplittableRandom random) {
        int roll = random.nextInt(90);
        if ((roll -= 14) < 0) {
            return new Persist(kind(random), via(random), random.nextInt(2), pick(random));
        }
        if ((roll -= 6) < 0) {
            return new CopyPersist(Via.values()[1 + random.nextInt(3)], pick(random));
        }
        if ((roll -= 12) < 0) {
            return new Find(kind(random), via(random), 1 + random.nextInt(6));
        }
        if ((roll -= 8) < 0) {
            return new Query(kind(random), via(random));
        }
        if ((roll -= 8) < 0) {
            return new Merge(via(random), pick(random));
        }
        if ((roll -= 6) < 0) {
            return new Remove(via(random), pick(random));
        }
        if ((roll -= 12) < 0) {
            return new Change(pick(random));
        }
        if ((roll -= 5) < 0) {
            return new NavigateToCustomer(pick(random));
        }
        if ((roll -= 5) < 0) {
            return new NavigateToInvoices(pick(random));
        }
        if ((roll -= 4) < 0) {
            return new Flush();
        }
        return roll < 7 ? new Commit() : new Rollback();
    }

    private static Kind kind(SplittableRandom random) {
        return Kind.values()[random.nextInt(Kind.values().length)];
    }

    /** Routed five times in eight, else one of the three aliases. */
    private static Via via(SplittableRandom random) {
        int roll = random.nextInt(8);
        return roll < 5 ? Via.ROUTED : Via.values()[roll - 4];
    }

    private static int pick(SplittableRandom random) {
        return random.nextInt(16);
    }
}
