package dev.multidb.guard;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixed workload of the round-trip guard, run on some entity types through one factory: what an
 * application does most, each step in its own entity manager.
 *
 * <ol>
 *   <li>persist 10 rows per type in one transaction;</li>
 *   <li>find rows 1 to 5 by id, each id in a new entity manager;</li>
 *   <li>a JPQL select of 8 rows per type, outside a transaction;</li>
 *   <li>change one row per type (dirty checking) in a transaction;</li>
 *   <li>a JPQL update of one row per type in a transaction;</li>
 *   <li>find and remove one row per type in a transaction.</li>
 * </ol>
 *
 * All types of the list share each entity manager and transaction: on hibernate-multidb with one type per
 * alias, that is one unit of work spanning the aliases.
 */
final class Workload {

    /** An entity type of the workload and how to make a new row of it. */
    record RowType(Class<? extends GuardRow> type, LongFunction<GuardRow> row) {

        String entityName() {
            return type.getSimpleName();
        }
    }

    static final RowType ACCOUNT = new RowType(Account.class, Account::new);
    static final RowType ENTRY = new RowType(Entry.class, Entry::new);

    private Workload() {
    }

    static void run(EntityManagerFactory factory, List<RowType> types) {
        inTransaction(factory, em -> types.forEach(type -> {
            for (long id = 1; id <= 10; id++) {
                em.persist(type.row().apply(id));
            }
        }));
        for (long id = 1; id <= 5; id++) {
            long wanted = id;
            withEntityManager(factory, em -> types.forEach(type ->
                    assertThat(em.find(type.type(), wanted)).isNotNull()));
        }
        withEntityManager(factory, em -> types.forEach(type ->
                assertThat(em.createQuery("select r from " + type.entityName() + " r where r.amount >= :least order by r.id",
                        type.type()).setParameter("least", 3L).getResultList()).hasSize(8)));
        inTransaction(factory, em -> types.forEach(type -> em.find(type.type(), 6L).add(100)));
        inTransaction(factory, em -> types.forEach(type ->
                assertThat(em.createQuery("update " + type.entityName() + " r set r.label = :label where r.id = :id")
                        .setParameter("label", "changed").setParameter("id", 7L).executeUpdate()).isEqualTo(1)));
        inTransaction(factory, em -> types.forEach(type -> em.remove(em.find(type.type(), 8L))));
    }

    private static void withEntityManager(EntityManagerFactory factory, Consumer<EntityManager> work) {
        try (EntityManager em = factory.createEntityManager()) {
            work.accept(em);
        }
    }

    private static void inTransaction(EntityManagerFactory factory, Consumer<EntityManager> work) {
        withEntityManager(factory, em -> {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        });
    }
}
