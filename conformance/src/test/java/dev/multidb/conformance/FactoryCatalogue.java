package dev.multidb.conformance;

import dev.multidb.conformance.model.Item;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SynchronizationType;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every method of {@code EntityManagerFactory}, {@code Cache} and {@code PersistenceUnitUtil}, called on an open
 * and on a closed factory. {@link CatalogueCoverageTest} fails when a method of the three has no entry.
 */
final class FactoryCatalogue {

    /** What a factory call works with: the factory, and Item 1 as a fresh entity manager loaded it (then closed). */
    record Fixture(EntityManagerFactory factory, Item loaded) {
    }

    @FunctionalInterface
    interface Call {
        Object run(Fixture fixture) throws Exception;
    }

    /**
     * One call; {@code closes} when it closes the factory or would leave it changed for the next entry (it then
     * gets a factory of its own).
     */
    record Entry(String label, String method, boolean ownFactory, Call call) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final AtomicInteger NAMES = new AtomicInteger();
    private final List<Entry> entries = new ArrayList<>();

    private FactoryCatalogue add(String method, String label, Call call) {
        entries.add(new Entry(label, method, false, call));
        return this;
    }

    private FactoryCatalogue addOwn(String method, String label, Call call) {
        entries.add(new Entry(label, method, true, call));
        return this;
    }

    static List<Entry> entries() {
        FactoryCatalogue c = new FactoryCatalogue();
        c.add("createEntityManager()", "createEntityManager()", f -> closeAfter(f.factory().createEntityManager()))
         .add("createEntityManager(Map)", "createEntityManager(properties)",
                 f -> closeAfter(f.factory().createEntityManager(Map.of("jakarta.persistence.lock.timeout", 10))))
         .add("createEntityManager(SynchronizationType)", "createEntityManager(SYNCHRONIZED)",
                 f -> closeAfter(f.factory().createEntityManager(SynchronizationType.SYNCHRONIZED)))
         .add("createEntityManager(SynchronizationType,Map)", "createEntityManager(UNSYNCHRONIZED, properties)",
                 f -> closeAfter(f.factory().createEntityManager(SynchronizationType.UNSYNCHRONIZED, Map.of())))
         .add("getCriteriaBuilder()", "getCriteriaBuilder()", f -> f.factory().getCriteriaBuilder())
         .add("getMetamodel()", "getMetamodel().entity(Item)", f -> f.factory().getMetamodel().entity(Item.class).getName())
         .add("isOpen()", "isOpen()", f -> f.factory().isOpen())
         .addOwn("close()", "close()", f -> { f.factory().close(); return f.factory().isOpen(); })
         .addOwn("close()", "close() twice", f -> { f.factory().close(); f.factory().close(); return null; })
         .add("getName()", "getName() is set", f -> f.factory().getName() != null)
         .add("getProperties()", "getProperties()", f -> f.factory().getProperties() != null)
         .add("getCache()", "getCache()", f -> f.factory().getCache() != null)
         .add("getPersistenceUnitUtil()", "getPersistenceUnitUtil()", f -> f.factory().getPersistenceUnitUtil() != null)
         .add("getTransactionType()", "getTransactionType()", f -> f.factory().getTransactionType())
         .add("getSchemaManager()", "getSchemaManager()", f -> f.factory().getSchemaManager() != null)
         .add("addNamedQuery(String,Query)", "addNamedQuery(JPQL) then run it", f -> {
             String name = "jpql-" + NAMES.incrementAndGet();
             try (EntityManager em = f.factory().createEntityManager()) {
                 f.factory().addNamedQuery(name, em.createQuery("select i.name from Item i order by i.id"));
                 return em.createNamedQuery(name).getResultList();
             } })
         .add("addNamedQuery(String,Query)", "addNamedQuery(Criteria) then run it", f -> {
             String name = "criteria-" + NAMES.incrementAndGet();
             try (EntityManager em = f.factory().createEntityManager()) {
                 CriteriaQuery<Item> query = em.getCriteriaBuilder().createQuery(Item.class);
                 Root<Item> item = query.from(Item.class);
                 query.select(item).orderBy(em.getCriteriaBuilder().desc(item.get("id")));
                 f.factory().addNamedQuery(name, em.createQuery(query));
                 return em.createNamedQuery(name, Item.class).getResultList();
             } })
         .add("addNamedQuery(String,Query)", "addNamedQuery(native) then run it", f -> {
             String name = "native-" + NAMES.incrementAndGet();
             try (EntityManager em = f.factory().createEntityManager()) {
                 f.factory().addNamedQuery(name, em.createNativeQuery("select id from Item order by id"));
                 return em.createNamedQuery(name).getResultList();
             } })
         .add("unwrap(Class)", "unwrap(EntityManagerFactory)", f -> f.factory().unwrap(EntityManagerFactory.class))
         .add("unwrap(Class)", "unwrap(SessionFactory)",
                 f -> f.factory().unwrap(org.hibernate.SessionFactory.class) != null)
         .add("unwrap(Class)", "unwrap(unrelated type)", f -> f.factory().unwrap(StringBuilder.class))
         .add("addNamedEntityGraph(String,EntityGraph)", "addNamedEntityGraph then find it", f -> {
             String name = "graph-" + NAMES.incrementAndGet();
             try (EntityManager em = f.factory().createEntityManager()) {
                 var graph = em.createEntityGraph(Item.class);
                 graph.addAttributeNode("owner");
                 f.factory().addNamedEntityGraph(name, graph);
                 return em.getEntityGraph(name);
             } })
         .add("getNamedQueries(Class)", "getNamedQueries(Item) has Item.all",
                 f -> f.factory().getNamedQueries(Item.class).containsKey("Item.all"))
         .add("getNamedEntityGraphs(Class)", "getNamedEntityGraphs(Item) has Item.withOwner",
                 f -> f.factory().getNamedEntityGraphs(Item.class).containsKey("Item.withOwner"))
         .add("runInTransaction(Consumer)", "runInTransaction(rename Item 2)",
                 f -> { f.factory().runInTransaction(em -> em.find(Item.class, 2L).setName("renamed")); return null; })
         .add("runInTransaction(Consumer)", "runInTransaction(failing)", f -> {
             f.factory().runInTransaction(em -> { em.find(Item.class, 2L).setName("lost"); throw new IllegalStateException("x"); });
             return null; })
         .add("callInTransaction(Function)", "callInTransaction(count)",
                 f -> f.factory().callInTransaction(em -> em.createQuery("select count(i) from Item i").getSingleResult()));
        // ---- Cache ---------------------------------------------------------------------------------------
        c.add("contains(Class,Object)", "cache contains(Item, 1) after a find", f -> f.factory().getCache().contains(Item.class, 1L))
         .add("contains(Class,Object)", "cache contains(Item, 1 as int)", f -> f.factory().getCache().contains(Item.class, 1))
         .add("contains(Class,Object)", "cache contains(Item, 2) never read", f -> f.factory().getCache().contains(Item.class, 2L))
         .add("contains(Class,Object)", "cache contains(not an entity class, 1)",
                 f -> f.factory().getCache().contains(StringBuilder.class, 1L))
         .add("evict(Class,Object)", "cache evict(Item, 1)", f -> {
             f.factory().getCache().evict(Item.class, 1L); return f.factory().getCache().contains(Item.class, 1L); })
         .add("evict(Class)", "cache evict(Item)", f -> {
             f.factory().getCache().evict(Item.class); return f.factory().getCache().contains(Item.class, 1L); })
         .add("evictAll()", "cache evictAll()", f -> {
             f.factory().getCache().evictAll(); return f.factory().getCache().contains(Item.class, 1L); })
         .add("unwrap(Class)", "cache unwrap(org.hibernate.Cache)",
                 f -> f.factory().getCache().unwrap(org.hibernate.Cache.class) != null)
         .add("unwrap(Class)", "cache unwrap(unrelated type)", f -> f.factory().getCache().unwrap(StringBuilder.class));
        // ---- PersistenceUnitUtil -------------------------------------------------------------------------
        c.add("isLoaded(Object,String)", "isLoaded(item, owner)", f -> util(f).isLoaded(f.loaded(), "owner"))
         .add("isLoaded(Object)", "isLoaded(item)", f -> util(f).isLoaded(f.loaded()))
         .add("isLoaded(Object)", "isLoaded(owner proxy)", f -> util(f).isLoaded(f.loaded().getOwner()))
         .add("isLoaded(Object,Attribute)", "isLoaded(item, owner attribute)",
                 f -> util(f).isLoaded(f.loaded(), f.factory().getMetamodel().entity(Item.class).getSingularAttribute("owner")))
         .add("load(Object)", "load(owner proxy of a closed entity manager)",
                 f -> { util(f).load(f.loaded().getOwner()); return null; })
         .add("load(Object,String)", "load(item, owner) of a closed entity manager",
                 f -> { util(f).load(f.loaded(), "owner"); return null; })
         .add("load(Object,Attribute)", "load(item, owner attribute) of a closed entity manager", f -> {
             util(f).load(f.loaded(), f.factory().getMetamodel().entity(Item.class).getSingularAttribute("owner"));
             return null; })
         .add("getIdentifier(Object)", "getIdentifier(item)", f -> util(f).getIdentifier(f.loaded()))
         .add("getIdentifier(Object)", "getIdentifier(not an entity)", f -> util(f).getIdentifier("x"))
         .add("isInstance(Object,Class)", "isInstance(owner proxy, Owner)",
                 f -> util(f).isInstance(f.loaded().getOwner(), dev.multidb.conformance.model.Owner.class))
         .add("getClass(Object)", "getClass(owner proxy)", f -> util(f).getClass(f.loaded().getOwner()).getSimpleName())
         .add("getVersion(Object)", "getVersion(item)", f -> util(f).getVersion(f.loaded()));
        return c.entries;
    }

    private static jakarta.persistence.PersistenceUnitUtil util(Fixture f) {
        return f.factory().getPersistenceUnitUtil();
    }

    private static Object closeAfter(EntityManager em) {
        boolean open = em.isOpen();
        em.close();
        return open;
    }
}
