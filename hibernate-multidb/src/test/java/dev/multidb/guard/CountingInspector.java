package dev.multidb.guard;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.Map;
import java.util.TreeMap;

/** Plain Hibernate's view of the statements it prepares, counted by kind (select, insert, ...). */
final class CountingInspector implements StatementInspector {

    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> kinds = new TreeMap<>();

    @Override
    public synchronized String inspect(String sql) {
        kinds.merge(JdbcCounter.kind(sql), 1, Integer::sum);
        return sql;
    }

    synchronized Map<String, Integer> kinds() {
        return new TreeMap<>(kinds);
    }

    synchronized void reset() {
        kinds.clear();
    }
}
