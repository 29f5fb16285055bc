package dev.multidb.properties;

import dev.multidb.properties.model.Customer;
import dev.multidb.properties.model.Invoice;
import dev.multidb.properties.model.Note;
import dev.multidb.properties.model.Order;
import dev.multidb.properties.model.Shard;

import java.util.List;

/**
 * Where each entity type of the property lives, as pure functions of the type and the instance's state
 * (its id and the alias it is stuck to). {@link ShopRouter} answers with these functions, given
 * {@code MultiDb.aliasOf(instance)}; the oracle evaluates the same functions with the alias its own model
 * says the instance is stuck to. So the oracle shares the routers' decisions, never the library's code.
 */
final class Placement {

    static final List<String> ALIASES = List.of("a", "b", "c");

    /** The entity types of the property. */
    enum Kind {
        CUSTOMER(Customer.class, "Customer"),
        INVOICE(Invoice.class, "Invoice"),
        ORDER(Order.class, "Orders"),
        NOTE(Note.class, "Note"),
        SHARD(Shard.class, "Shard");

        final Class<?> type;
        final String table;

        Kind(Class<?> type, String table) {
            this.type = type;
            this.table = table;
        }

        /** The entity name, for JPQL. */
        String entityName() {
            return table;
        }

        static Kind of(Class<?> type) {
            for (Kind kind : values()) {
                if (kind.type.isAssignableFrom(type)) {
                    return kind;
                }
            }
            return null;
        }
    }

    private Placement() {
    }

    /** The home of a type: where it is read and written without an instance; {@code null} for shards. */
    static String home(Kind kind) {
        return switch (kind) {
            case CUSTOMER, INVOICE -> "a";
            case ORDER -> "b";
            case NOTE -> "c";
            case SHARD -> null;
        };
    }

    /**
     * The read alias. A shard without an instance has none: the router has no opinion and, with no
     * {@code default} configured, the read fails before any statement.
     */
    static String read(Kind kind, Long id, String stuck) {
        return kind == Kind.SHARD ? shard(id, stuck) : home(kind);
    }

    /** The write alias of an instance of {@code kind} with {@code id}, stuck to {@code stuck} (or to nothing). */
    static String write(Kind kind, Long id, String stuck) {
        return kind == Kind.SHARD ? shard(id, stuck) : home(kind);
    }

    /** A shard stays where it is stuck; a new one goes to {@code a} for an even id, {@code b} for an odd one. */
    static String shard(Long id, String stuck) {
        if (stuck != null) {
            return stuck;
        }
        if (id == null) {
            return null;
        }
        return id % 2 == 0 ? "a" : "b";
    }
}
