package dev.multidb.it.properties;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import dev.multidb.MultiDb;
import dev.multidb.it.properties.Placement.Kind;
import dev.multidb.it.properties.model.Record;

import java.util.Objects;

/**
 * The routers of the property, as an application would write them: customers and invoices on {@code a},
 * orders on {@code b}, notes on {@code c}, shards by their own state (where they are stuck, else the
 * parity of their id); relations only within one alias.
 */
public final class ShopRouter implements DatabaseRouter {

    @Override
    public String dbForRead(Class<?> entityType, Hints hints) {
        Kind kind = Kind.of(entityType);
        if (kind == null) {
            return null;
        }
        Object instance = hints.instance();
        return kind == Kind.SHARD && instance instanceof Record shard
                ? Placement.read(kind, shard.getId(), MultiDb.aliasOf(instance))
                : Placement.read(kind, null, null);
    }

    @Override
    public String dbForWrite(Class<?> entityType, Hints hints) {
        Kind kind = Kind.of(entityType);
        if (kind == null) {
            return null;
        }
        Object instance = hints.instance();
        return kind == Kind.SHARD && instance instanceof Record shard
                ? Placement.write(kind, shard.getId(), MultiDb.aliasOf(instance))
                : Placement.write(kind, null, null);
    }

    /** Classes (at bootstrap): related when their homes agree. Instances: when stuck to the same alias. */
    @Override
    public Boolean allowRelation(Object a, Object b, Hints hints) {
        if (a instanceof Class<?> first && b instanceof Class<?> second) {
            Kind one = Kind.of(first);
            Kind other = Kind.of(second);
            return one != null && other != null && Objects.equals(Placement.home(one), Placement.home(other));
        }
        return Objects.equals(MultiDb.aliasOf(a), MultiDb.aliasOf(b));
    }
}
