package dev.multidb.conformance;

import dev.multidb.conformance.model.Item;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PessimisticLockScope;
import jakarta.persistence.Timeout;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Root;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every method of {@code EntityManager} and {@code EntityTransaction}, each called with the arguments that
 * the specification gives a rule for: a managed instance, a detached one, a new one, an object that is no
 * entity, {@code null}, a name nothing has. {@link CatalogueCoverageTest} fails when a method of either
 * interface has no entry.
 */
final class Catalogue {

    /** One call: a label, the method it exercises ({@code name(SimpleType,...)}), and the call itself. */
    record Entry(String label, String method, Outcome.Call call) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    private Catalogue add(String method, String label, Outcome.Call call) {
        entries.add(new Entry(label, method, call));
        return this;
    }

    static List<Entry> entries() {
        Catalogue c = new Catalogue();
        // ---- EntityManager: entity operations --------------------------------------------------------
        c.add("persist(Object)", "persist(new)", f -> { f.em.persist(f.fresh); return f.em.contains(f.fresh); })
         .add("persist(Object)", "persist(managed)", f -> { f.em.persist(f.managed); return null; })
         .add("persist(Object)", "persist(detached)", f -> { f.em.persist(f.detached); return null; })
         .add("persist(Object)", "persist(not an entity)", f -> { f.em.persist(f.notAnEntity); return null; })
         .add("persist(Object)", "persist(null)", f -> { f.em.persist(null); return null; })
         .add("persist(Object)", "persist(new) then flush", f -> { f.em.persist(f.fresh); f.em.flush(); return null; })
         .add("persist(Object)", "persist(duplicate id) then flush", f -> {
             f.em.persist(new Item(2, "duplicate")); f.em.flush(); return null; })
         .add("merge(Object)", "merge(detached)", f -> f.em.merge(f.detached))
         .add("merge(Object)", "merge(managed)", f -> f.em.merge(f.managed))
         .add("merge(Object)", "merge(new)", f -> f.em.merge(f.fresh))
         .add("merge(Object)", "merge(not an entity)", f -> f.em.merge(f.notAnEntity))
         .add("merge(Object)", "merge(null)", f -> f.em.merge(null))
         .add("merge(Object)", "merge(removed)", f -> { f.em.remove(f.managed); return f.em.merge(f.managed); })
         .add("remove(Object)", "remove(managed)", f -> { f.em.remove(f.managed); return f.em.contains(f.managed); })
         .add("remove(Object)", "remove(detached)", f -> { f.em.remove(f.detached); return null; })
         .add("remove(Object)", "remove(new)", f -> { f.em.remove(f.fresh); return null; })
         .add("remove(Object)", "remove(not an entity)", f -> { f.em.remove(f.notAnEntity); return null; })
         .add("remove(Object)", "remove(null)", f -> { f.em.remove(null); return null; })
         .add("remove(Object)", "remove(managed) then flush", f -> { f.em.remove(f.managed); f.em.flush(); return null; })
         .add("find(Class,Object)", "find(Item, 1)", f -> f.em.find(Item.class, 1L))
         .add("find(Class,Object)", "find(Item, 2)", f -> f.em.find(Item.class, 2L))
         .add("find(Class,Object)", "find(Item, absent)", f -> f.em.find(Item.class, 99L))
         .add("find(Class,Object)", "find(Item, id of the wrong type)", f -> f.em.find(Item.class, "one"))
         .add("find(Class,Object)", "find(Item, null)", f -> f.em.find(Item.class, null))
         .add("find(Class,Object)", "find(not an entity class, 1)", f -> f.em.find(StringBuilder.class, 1L))
         .add("find(Class,Object,Map)", "find(Item, 2, properties)", f -> f.em.find(Item.class, 2L, Map.of(
                 "jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)))
         .add("find(Class,Object,LockModeType)", "find(Item, 2, PESSIMISTIC_WRITE)",
                 f -> f.em.find(Item.class, 2L, LockModeType.PESSIMISTIC_WRITE))
         .add("find(Class,Object,LockModeType)", "find(Item, 2, OPTIMISTIC)",
                 f -> f.em.find(Item.class, 2L, LockModeType.OPTIMISTIC))
         .add("find(Class,Object,LockModeType)", "find(Item, 2, NONE)", f -> f.em.find(Item.class, 2L, LockModeType.NONE))
         .add("find(Class,Object,LockModeType,Map)", "find(Item, 2, PESSIMISTIC_READ, properties)",
                 f -> f.em.find(Item.class, 2L, LockModeType.PESSIMISTIC_READ, Map.of("jakarta.persistence.lock.timeout", 0)))
         .add("find(Class,Object,FindOption[])", "find(Item, 2, options)",
                 f -> f.em.find(Item.class, 2L, CacheRetrieveMode.BYPASS, Timeout.ms(1000)))
         .add("find(Class,Object,FindOption[])", "find(Item, 2, PESSIMISTIC_WRITE option)",
                 f -> f.em.find(Item.class, 2L, LockModeType.PESSIMISTIC_WRITE, PessimisticLockScope.NORMAL))
         .add("find(EntityGraph,Object,FindOption[])", "find(graph, 1)",
                 f -> f.em.find(f.em.createEntityGraph(Item.class), 1L))
         .add("getReference(Class,Object)", "getReference(Item, 2)", f -> f.em.getReference(Item.class, 2L))
         .add("getReference(Class,Object)", "getReference(Item, absent) then use it",
                 f -> f.em.getReference(Item.class, 99L).getName())
         .add("getReference(Class,Object)", "getReference(not an entity class, 1)",
                 f -> f.em.getReference(StringBuilder.class, 1L))
         .add("getReference(Object)", "getReference(detached)", f -> f.em.getReference(f.detached))
         .add("getReference(Object)", "getReference(managed)", f -> f.em.getReference(f.managed))
         .add("lock(Object,LockModeType)", "lock(managed, PESSIMISTIC_WRITE)",
                 f -> { f.em.lock(f.managed, LockModeType.PESSIMISTIC_WRITE); return f.em.getLockMode(f.managed); })
         .add("lock(Object,LockModeType)", "lock(managed, OPTIMISTIC_FORCE_INCREMENT)",
                 f -> { f.em.lock(f.managed, LockModeType.OPTIMISTIC_FORCE_INCREMENT); return null; })
         .add("lock(Object,LockModeType)", "lock(detached, PESSIMISTIC_WRITE)",
                 f -> { f.em.lock(f.detached, LockModeType.PESSIMISTIC_WRITE); return null; })
         .add("lock(Object,LockModeType)", "lock(not an entity, READ)",
                 f -> { f.em.lock(f.notAnEntity, LockModeType.READ); return null; })
         .add("lock(Object,LockModeType,Map)", "lock(managed, PESSIMISTIC_READ, properties)",
                 f -> { f.em.lock(f.managed, LockModeType.PESSIMISTIC_READ, Map.of()); return null; })
         .add("lock(Object,LockModeType,Map)", "lock(detached, READ, properties)",
                 f -> { f.em.lock(f.detached, LockModeType.READ, Map.of()); return null; })
         .add("lock(Object,LockModeType,LockOption[])", "lock(managed, PESSIMISTIC_WRITE, options)",
                 f -> { f.em.lock(f.managed, LockModeType.PESSIMISTIC_WRITE, Timeout.ms(1000)); return null; })
         .add("lock(Object,LockModeType,LockOption[])", "lock(detached, PESSIMISTIC_WRITE, options)",
                 f -> { f.em.lock(f.detached, LockModeType.PESSIMISTIC_WRITE, Timeout.ms(1000)); return null; })
         .add("refresh(Object)", "refresh(managed)", f -> { f.em.refresh(f.managed); return f.managed; })
         .add("refresh(Object)", "refresh(detached)", f -> { f.em.refresh(f.detached); return null; })
         .add("refresh(Object)", "refresh(new)", f -> { f.em.refresh(f.fresh); return null; })
         .add("refresh(Object)", "refresh(not an entity)", f -> { f.em.refresh(f.notAnEntity); return null; })
         .add("refresh(Object)", "refresh(removed row)", f -> {
             f.em.createQuery("delete from Item where id = 1").executeUpdate(); f.em.refresh(f.managed); return null; })
         .add("refresh(Object,Map)", "refresh(managed, properties)", f -> { f.em.refresh(f.managed, Map.of()); return null; })
         .add("refresh(Object,Map)", "refresh(detached, properties)", f -> { f.em.refresh(f.detached, Map.of()); return null; })
         .add("refresh(Object,LockModeType)", "refresh(managed, PESSIMISTIC_WRITE)",
                 f -> { f.em.refresh(f.managed, LockModeType.PESSIMISTIC_WRITE); return f.em.getLockMode(f.managed); })
         .add("refresh(Object,LockModeType)", "refresh(detached, PESSIMISTIC_WRITE)",
                 f -> { f.em.refresh(f.detached, LockModeType.PESSIMISTIC_WRITE); return null; })
         .add("refresh(Object,LockModeType,Map)", "refresh(managed, NONE, properties)",
                 f -> { f.em.refresh(f.managed, LockModeType.NONE, Map.of()); return null; })
         .add("refresh(Object,RefreshOption[])", "refresh(managed, options)",
                 f -> { f.em.refresh(f.managed, CacheStoreMode.BYPASS); return null; })
         .add("refresh(Object,RefreshOption[])", "refresh(detached, options)",
                 f -> { f.em.refresh(f.detached, CacheStoreMode.BYPASS); return null; })
         .add("detach(Object)", "detach(managed)", f -> { f.em.detach(f.managed); return f.em.contains(f.managed); })
         .add("detach(Object)", "detach(detached)", f -> { f.em.detach(f.detached); return null; })
         .add("detach(Object)", "detach(not an entity)", f -> { f.em.detach(f.notAnEntity); return null; })
         .add("detach(Object)", "detach(null)", f -> { f.em.detach(null); return null; })
         .add("contains(Object)", "contains(managed)", f -> f.em.contains(f.managed))
         .add("contains(Object)", "contains(detached)", f -> f.em.contains(f.detached))
         .add("contains(Object)", "contains(not an entity)", f -> f.em.contains(f.notAnEntity))
         .add("contains(Object)", "contains(null)", f -> f.em.contains(null))
         .add("contains(Object)", "contains(removed)", f -> { f.em.remove(f.managed); return f.em.contains(f.managed); })
         .add("getLockMode(Object)", "getLockMode(managed)", f -> f.em.getLockMode(f.managed))
         .add("getLockMode(Object)", "getLockMode(detached)", f -> f.em.getLockMode(f.detached))
         .add("getLockMode(Object)", "getLockMode(not an entity)", f -> f.em.getLockMode(f.notAnEntity));
        // ---- EntityManager: persistence context ------------------------------------------------------
        c.add("flush()", "flush()", f -> { f.em.flush(); return null; })
         .add("flush()", "flush() of a change", f -> { f.managed.setName("changed"); f.em.flush(); return null; })
         .add("setFlushMode(FlushModeType)", "setFlushMode(COMMIT)",
                 f -> { f.em.setFlushMode(FlushModeType.COMMIT); return f.em.getFlushMode(); })
         .add("getFlushMode()", "getFlushMode()", f -> f.em.getFlushMode())
         .add("clear()", "clear()", f -> { f.em.clear(); return f.em.contains(f.managed); })
         .add("setCacheRetrieveMode(CacheRetrieveMode)", "setCacheRetrieveMode(BYPASS)",
                 f -> { f.em.setCacheRetrieveMode(CacheRetrieveMode.BYPASS); return f.em.getCacheRetrieveMode(); })
         .add("setCacheStoreMode(CacheStoreMode)", "setCacheStoreMode(REFRESH)",
                 f -> { f.em.setCacheStoreMode(CacheStoreMode.REFRESH); return f.em.getCacheStoreMode(); })
         .add("getCacheRetrieveMode()", "getCacheRetrieveMode()", f -> f.em.getCacheRetrieveMode())
         .add("getCacheStoreMode()", "getCacheStoreMode()", f -> f.em.getCacheStoreMode())
         .add("setProperty(String,Object)", "setProperty(lock timeout)", f -> {
             f.em.setProperty("jakarta.persistence.lock.timeout", 100);
             return f.em.getProperties().get("jakarta.persistence.lock.timeout"); })
         .add("getProperties()", "getProperties()", f -> f.em.getProperties());
        // ---- EntityManager: queries ------------------------------------------------------------------
        c.add("createQuery(String)", "createQuery(select).getResultList()",
                 f -> f.em.createQuery("select i from Item i order by i.id").getResultList())
         .add("createQuery(String)", "createQuery(invalid JPQL)", f -> f.em.createQuery("selec i fro Item i"))
         .add("createQuery(String)", "createQuery(unknown entity)", f -> f.em.createQuery("select x from Nothing x"))
         .add("createQuery(String)", "createQuery(update).executeUpdate()",
                 f -> f.em.createQuery("update Item set name = 'bulk'").executeUpdate())
         .add("createQuery(String)", "createQuery(select).executeUpdate()",
                 f -> f.em.createQuery("select i from Item i").executeUpdate())
         .add("createQuery(String)", "createQuery(update).getResultList()",
                 f -> f.em.createQuery("update Item set name = 'bulk'").getResultList())
         .add("createQuery(String)", "createQuery(order by a result variable)",
                 f -> f.em.createQuery("select i.id as IID from Item i order by IID").getResultList())
         .add("createQuery(String)", "createQuery(select without entity)",
                 f -> f.em.createQuery("select 1").getResultList())
         .add("createQuery(String)", "createQuery(select).getSingleResult() of two rows",
                 f -> f.em.createQuery("select i from Item i").getSingleResult())
         .add("createQuery(String)", "createQuery(select).getSingleResult() of no row",
                 f -> f.em.createQuery("select i from Item i where i.id = 99").getSingleResult())
         .add("createQuery(String)", "createQuery(select).setParameter(unknown)",
                 f -> f.em.createQuery("select i from Item i").setParameter("nope", 1))
         .add("createQuery(String,Class)", "createQuery(select, Item).getResultList()",
                 f -> f.em.createQuery("select i from Item i order by i.id", Item.class).getResultList())
         .add("createQuery(String,Class)", "createQuery(select, wrong result type)",
                 f -> f.em.createQuery("select i from Item i", Long.class))
         .add("createQuery(String,Class)", "createQuery(invalid JPQL, Item)",
                 f -> f.em.createQuery("selec i fro Item i", Item.class))
         .add("createQuery(CriteriaQuery)", "createQuery(criteria).getResultList()",
                 f -> f.em.createQuery(criteria(f)).getResultList())
         .add("createQuery(CriteriaSelect)", "createQuery(criteria union).getResultList()", f -> {
             CriteriaBuilder cb = f.em.getCriteriaBuilder();
             return f.em.createQuery(cb.union(criteria(f), criteria(f))).getResultList(); })
         .add("createQuery(CriteriaUpdate)", "createQuery(criteria update).executeUpdate()", f -> {
             CriteriaUpdate<Item> update = f.em.getCriteriaBuilder().createCriteriaUpdate(Item.class);
             update.from(Item.class);
             update.set("name", "criteria");
             return f.em.createQuery(update).executeUpdate(); })
         .add("createQuery(CriteriaDelete)", "createQuery(criteria delete).executeUpdate()", f -> {
             CriteriaDelete<Item> delete = f.em.getCriteriaBuilder().createCriteriaDelete(Item.class);
             Root<Item> item = delete.from(Item.class);
             delete.where(f.em.getCriteriaBuilder().equal(item.get("id"), 2L));
             return f.em.createQuery(delete).executeUpdate(); })
         .add("createNamedQuery(String)", "createNamedQuery(Item.all).getResultList()",
                 f -> f.em.createNamedQuery("Item.all").getResultList())
         .add("createNamedQuery(String)", "createNamedQuery(unknown)", f -> f.em.createNamedQuery("Nothing.all"))
         .add("createNamedQuery(String,Class)", "createNamedQuery(Item.all, Item).getResultList()",
                 f -> f.em.createNamedQuery("Item.all", Item.class).getResultList())
         .add("createNamedQuery(String,Class)", "createNamedQuery(Item.all, wrong result type)",
                 f -> f.em.createNamedQuery("Item.all", String.class))
         .add("createNamedQuery(String,Class)", "createNamedQuery(unknown, Item)",
                 f -> f.em.createNamedQuery("Nothing.all", Item.class))
         .add("createQuery(TypedQueryReference)", "createQuery(reference to Item.all).getResultList()",
                 f -> f.em.createQuery(f.factory.getNamedQueries(Item.class).get("Item.all")).getResultList())
         .add("createNativeQuery(String)", "createNativeQuery(select).getResultList()",
                 f -> f.em.createNativeQuery("select id from Item order by id").getResultList())
         .add("createNativeQuery(String)", "createNativeQuery(update).executeUpdate()",
                 f -> f.em.createNativeQuery("update Item set name = 'native'").executeUpdate())
         .add("createNativeQuery(String)", "createNativeQuery(bad SQL).getResultList()",
                 f -> f.em.createNativeQuery("select nothing from nowhere").getResultList())
         .add("createNativeQuery(String,Class)", "createNativeQuery(select, Item).getResultList()",
                 f -> f.em.createNativeQuery("select * from Item order by id", Item.class).getResultList())
         .add("createNativeQuery(String,Class)", "createNativeQuery(select, Long).getResultList()",
                 f -> f.em.createNativeQuery("select id from Item order by id", Long.class).getResultList())
         .add("createNativeQuery(String,String)", "createNativeQuery(select, unknown mapping)",
                 f -> f.em.createNativeQuery("select id from Item", "nothing"))
         .add("createNamedStoredProcedureQuery(String)", "createNamedStoredProcedureQuery(unknown)",
                 f -> f.em.createNamedStoredProcedureQuery("nothing"))
         .add("createStoredProcedureQuery(String)", "createStoredProcedureQuery(name)",
                 f -> f.em.createStoredProcedureQuery("nothing"))
         .add("createStoredProcedureQuery(String,Class[])", "createStoredProcedureQuery(name, Item)",
                 f -> f.em.createStoredProcedureQuery("nothing", Item.class))
         .add("createStoredProcedureQuery(String,String[])", "createStoredProcedureQuery(name, unknown mapping)",
                 f -> f.em.createStoredProcedureQuery("nothing", "nothing"));
        // ---- a query created before the state was entered (after close: the TCK's typedQueryMethodsAfterClose)
        c.add("createQuery(String,Class)", "earlier query.getResultList()", f -> f.query.getResultList())
         .add("createQuery(String,Class)", "earlier query.getSingleResult()", f -> f.query.getSingleResult())
         .add("createQuery(String,Class)", "earlier query.setParameter(id, 2)",
                 f -> f.query.setParameter("id", 2L).getParameterValue("id"))
         .add("createQuery(String,Class)", "earlier query.setMaxResults(1)", f -> f.query.setMaxResults(1).getMaxResults())
         .add("createQuery(String,Class)", "earlier query.getParameters()", f -> f.query.getParameters().size())
         .add("createQuery(String,Class)", "earlier query.setFlushMode(COMMIT)",
                 f -> f.query.setFlushMode(FlushModeType.COMMIT).getFlushMode())
         .add("createQuery(String,Class)", "earlier query.setLockMode(PESSIMISTIC_WRITE).getResultList()",
                 f -> f.query.setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
        // ---- EntityManager: metamodel, graphs, connections, lifecycle ---------------------------------
        c.add("getCriteriaBuilder()", "getCriteriaBuilder()", f -> f.em.getCriteriaBuilder())
         .add("getMetamodel()", "getMetamodel()", f -> f.em.getMetamodel())
         .add("createEntityGraph(Class)", "createEntityGraph(Item)", f -> f.em.createEntityGraph(Item.class))
         .add("createEntityGraph(String)", "createEntityGraph(Item.withOwner)", f -> f.em.createEntityGraph("Item.withOwner"))
         .add("createEntityGraph(String)", "createEntityGraph(unknown)", f -> f.em.createEntityGraph("nothing"))
         .add("getEntityGraph(String)", "getEntityGraph(Item.withOwner)", f -> f.em.getEntityGraph("Item.withOwner"))
         .add("getEntityGraph(String)", "getEntityGraph(unknown)", f -> f.em.getEntityGraph("nothing"))
         .add("getEntityGraphs(Class)", "getEntityGraphs(Item)", f -> f.em.getEntityGraphs(Item.class))
         .add("getEntityGraphs(Class)", "getEntityGraphs(not an entity class)", f -> f.em.getEntityGraphs(StringBuilder.class))
         .add("runWithConnection(ConnectionConsumer)", "runWithConnection(select 1)", f -> {
             f.em.<Connection>runWithConnection(connection -> connection.createStatement().execute("select 1"));
             return null; })
         // Auto-commit outside a transaction differs by design (HikariCP's default): JpaRulesTest pins it.
         .add("callWithConnection(ConnectionFunction)", "callWithConnection(isValid)",
                 f -> f.em.<Connection, Boolean>callWithConnection(connection -> connection.isValid(1)))
         .add("joinTransaction()", "joinTransaction()", f -> { f.em.joinTransaction(); return null; })
         .add("isJoinedToTransaction()", "isJoinedToTransaction()", f -> f.em.isJoinedToTransaction())
         .add("unwrap(Class)", "unwrap(EntityManager)", f -> f.em.unwrap(jakarta.persistence.EntityManager.class))
         .add("unwrap(Class)", "unwrap(Session)", f -> f.em.unwrap(org.hibernate.Session.class) != null)
         .add("unwrap(Class)", "unwrap(unrelated type)", f -> f.em.unwrap(StringBuilder.class))
         .add("getDelegate()", "getDelegate()", f -> f.em.getDelegate() != null)
         .add("close()", "close()", f -> { f.em.close(); return null; })
         .add("close()", "close() twice", f -> { f.em.close(); f.em.close(); return null; })
         .add("isOpen()", "isOpen()", f -> f.em.isOpen())
         .add("getTransaction()", "getTransaction()", f -> f.em.getTransaction())
         .add("getEntityManagerFactory()", "getEntityManagerFactory()", f -> f.em.getEntityManagerFactory());
        // ---- EntityTransaction, taken from the entity manager in each state --------------------------
        c.add("begin()", "getTransaction().begin()", f -> { f.em.getTransaction().begin(); return null; })
         .add("commit()", "getTransaction().commit()", f -> { f.em.getTransaction().commit(); return null; })
         .add("commit()", "commit() of a change", f -> {
             f.managed.setName("committed"); f.em.getTransaction().commit(); return null; })
         .add("commit()", "commit() of a failing flush", f -> {
             f.em.persist(new Item(2, "duplicate")); f.em.getTransaction().commit(); return null; })
         .add("rollback()", "getTransaction().rollback()", f -> { f.em.getTransaction().rollback(); return null; })
         .add("setRollbackOnly()", "getTransaction().setRollbackOnly()",
                 f -> { f.em.getTransaction().setRollbackOnly(); return null; })
         .add("getRollbackOnly()", "getTransaction().getRollbackOnly()", f -> f.em.getTransaction().getRollbackOnly())
         .add("isActive()", "getTransaction().isActive()", f -> f.em.getTransaction().isActive())
         .add("setTimeout(Integer)", "getTransaction().setTimeout(5)",
                 f -> { f.em.getTransaction().setTimeout(5); return f.em.getTransaction().getTimeout(); })
         .add("getTimeout()", "getTransaction().getTimeout()", f -> f.em.getTransaction().getTimeout())
         // the transaction object taken before the state was entered
         .add("commit()", "earlier transaction.commit()", f -> { f.transaction.commit(); return null; })
         .add("rollback()", "earlier transaction.rollback()", f -> { f.transaction.rollback(); return null; })
         .add("begin()", "earlier transaction.begin()", f -> { f.transaction.begin(); return null; })
         .add("setRollbackOnly()", "earlier transaction.setRollbackOnly()", f -> { f.transaction.setRollbackOnly(); return null; })
         .add("getRollbackOnly()", "earlier transaction.getRollbackOnly()", f -> f.transaction.getRollbackOnly());
        return c.entries;
    }

    private static CriteriaQuery<Item> criteria(Fixture f) {
        CriteriaBuilder cb = f.em.getCriteriaBuilder();
        CriteriaQuery<Item> query = cb.createQuery(Item.class);
        Root<Item> item = query.from(Item.class);
        return query.select(item).orderBy(cb.asc(item.get("id")));
    }
}
