package dev.multidb.it.properties;

import dev.multidb.it.properties.Placement.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The rows the model expects on every alias: what each table holds once the unit of work is flushed
 * ({@link #working}) and what it held at the last commit ({@link #committed}).
 */
final class Rows {

    /** One row: its label, and for an invoice the id of its customer. */
    record Row(String label, Long customerId) {
        @Override
        public String toString() {
            return customerId == null ? label : label + "->Customer#" + customerId;
        }
    }

    /** alias, then "Kind#id" in a stable order, then the row. */
    private Map<String, TreeMap<String, Row>> committed = empty();
    private Map<String, TreeMap<String, Row>> working = empty();

    private static Map<String, TreeMap<String, Row>> empty() {
        Map<String, TreeMap<String, Row>> rows = new TreeMap<>();
        for (String alias : Placement.ALIASES) {
            rows.put(alias, new TreeMap<>());
        }
        return rows;
    }

    private static Map<String, TreeMap<String, Row>> copy(Map<String, TreeMap<String, Row>> rows) {
        Map<String, TreeMap<String, Row>> copy = new TreeMap<>();
        rows.forEach((alias, table) -> copy.put(alias, new TreeMap<>(table)));
        return copy;
    }

    static String key(Kind kind, long id) {
        return kind.entityName() + "#" + id;
    }

    boolean exists(String alias, Kind kind, long id) {
        return working.get(alias).containsKey(key(kind, id));
    }

    void put(String alias, Kind kind, long id, Row row) {
        working.get(alias).put(key(kind, id), Objects.requireNonNull(row));
    }

    void remove(String alias, Kind kind, long id) {
        working.get(alias).remove(key(kind, id));
    }

    /** Whether an invoice on {@code alias} refers to customer {@code id} (its removal would break the foreign key). */
    boolean customerReferenced(String alias, long id) {
        String prefix = Kind.INVOICE.entityName() + "#";
        return working.get(alias).entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith(prefix) && Objects.equals(e.getValue().customerId(), id));
    }

    void commit() {
        committed = copy(working);
    }

    void rollback() {
        working = copy(committed);
    }

    /** The committed rows of {@code alias}, "Kind#id" to row. */
    Map<String, Row> committed(String alias) {
        return committed.get(alias);
    }

    /** Rows as text, for failure messages. */
    static List<String> describe(Map<String, Row> rows) {
        List<String> lines = new ArrayList<>();
        rows.forEach((key, row) -> lines.add(key + "=" + row));
        return lines;
    }
}
