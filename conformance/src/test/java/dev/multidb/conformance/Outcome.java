package dev.multidb.conformance;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Query;
import jakarta.persistence.StoredProcedureQuery;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.metamodel.Metamodel;
import org.hibernate.proxy.HibernateProxy;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a call did, in terms that do not depend on the provider's classes: its result (entities by type and
 * id, values as they are, API objects by the JPA interface they implement) or the class of the exception it
 * threw, and the state of the entity manager and its transaction afterwards.
 */
public record Outcome(String result, String after) {

    @FunctionalInterface
    public interface Call {
        Object run(Fixture fixture) throws Exception;
    }

    static Outcome of(Fixture fixture, Call call) {
        String result;
        try {
            result = describe(call.run(fixture));
        } catch (Exception | LinkageError | AssertionError e) {
            result = "throws " + e.getClass().getName();
        }
        return new Outcome(result, after(fixture));
    }

    private static String after(Fixture fixture) {
        String open = String.valueOf(fixture.em.isOpen());
        String active;
        String rollbackOnly;
        try {
            active = String.valueOf(fixture.transaction.isActive());
        } catch (RuntimeException e) {
            active = "throws " + e.getClass().getName();
        }
        try {
            rollbackOnly = String.valueOf(fixture.transaction.getRollbackOnly());
        } catch (RuntimeException e) {
            rollbackOnly = "throws " + e.getClass().getName();
        }
        return "open=" + open + " active=" + active + " rollbackOnly=" + rollbackOnly;
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof HibernateProxy proxy) {
            return "proxy " + proxy.getHibernateLazyInitializer().getEntityName() + "#"
                    + proxy.getHibernateLazyInitializer().getInternalIdentifier();
        }
        if (value instanceof dev.multidb.conformance.model.Item item) {
            return "Item#" + item.getId() + "(" + item.getName() + ")";
        }
        if (value instanceof dev.multidb.conformance.model.Owner owner) {
            return "Owner#" + owner.getId();
        }
        if (value instanceof Boolean || value instanceof Number || value instanceof String || value instanceof Enum<?>) {
            return value.getClass().getSimpleName() + " " + value;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(Outcome::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Object[] row) {
            return java.util.Arrays.stream(row).map(Outcome::describe).collect(Collectors.joining(", ", "(", ")"));
        }
        if (value instanceof Map<?, ?>) {
            return "a Map";
        }
        if (value instanceof StoredProcedureQuery) {
            return "a StoredProcedureQuery";
        }
        if (value instanceof TypedQuery<?>) {
            return "a TypedQuery";
        }
        if (value instanceof Query) {
            return "a Query";
        }
        if (value instanceof EntityGraph<?> graph) {
            return "an EntityGraph of " + graph.getAttributeNodes().size() + " nodes";
        }
        for (Class<?> api : new Class<?>[] {EntityTransaction.class, EntityManager.class, EntityManagerFactory.class,
                CriteriaBuilder.class, Metamodel.class}) {
            if (api.isInstance(value)) {
                return "a " + api.getSimpleName();
            }
        }
        return "an object";
    }

    @Override
    public String toString() {
        return result + " | " + after;
    }

    /**
     * Runs {@code call} on every side and fails unless every multidb side did what plain Hibernate did, listing the
     * sides that did not, one per line, after {@code what} and plain Hibernate's outcome.
     */
    static void assertSameAsPlain(String what, java.util.function.Function<Side, String> call) {
        Map<Side, String> outcomes = new java.util.EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            outcomes.put(side, call.apply(side));
        }
        String plain = outcomes.get(Side.PLAIN);
        String differences = outcomes.entrySet().stream()
                .filter(e -> !e.getValue().equals(plain))
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n  "));
        org.assertj.core.api.Assertions.assertThat(differences).as("%s; plain Hibernate: %s", what, plain).isEmpty();
    }
}
