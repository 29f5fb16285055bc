package dev.multidb.guard;

import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.guard.Workload.RowType;
import dev.multidb.internal.connections.AliasPools;
import dev.multidb.support.StatementRecorder;
import dev.multidb.support.TestFactories;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regression guard of issue #8, not a timing test: a fixed {@link Workload} must cost hibernate-multidb
 * exactly the JDBC work it costs plain Hibernate — the same connections acquired and closed, the same
 * statements by kind, the same executions, commits, rollbacks and auto-commit switches. An accidental
 * extra round trip (a stray select, a second connection, one more commit) fails the build.
 *
 * <p>Both sides are counted by the same {@link JdbcCounter}, under plain Hibernate as its
 * {@code nonJtaDataSource} and under hibernate-multidb as each alias's connection source
 * ({@link AliasPools#override}), so no pool sits between the counter and the ORM on either side. The
 * statements are also counted as each side reports them: plain Hibernate's {@code StatementInspector}
 * against our {@code StatementListener}.
 */
class RoundTripGuardTest {

    private static final String NON_JTA_DATA_SOURCE = "jakarta.persistence.nonJtaDataSource";
    private static final String STATEMENT_INSPECTOR = "hibernate.session_factory.statement_inspector";

    @Test
    void oneAliasCostsExactlyWhatPlainHibernateCosts() {
        Counts multidb = multidb("guard-one", List.of("default"), List.of(Workload.ACCOUNT));
        Counts plain = plain(List.of(List.of(Workload.ACCOUNT)));

        assertThat(plain.jdbc()).containsKeys("connections acquired", "statements insert", "statements select",
                "statements update", "statements delete", "commits");
        assertThat(multidb.jdbc()).as("JDBC work of hibernate-multidb (actual) against plain Hibernate (expected)")
                .isEqualTo(plain.jdbc());
        assertThat(multidb.reported()).as("statements reported by the StatementListener against plain Hibernate's"
                + " StatementInspector").isEqualTo(plain.reported());
    }

    @Test
    void twoAliasesCostExactlyWhatTwoPlainFactoriesCostTogether() {
        Counts multidb = multidb("guard-two", List.of("default", "other"), List.of(Workload.ACCOUNT, Workload.ENTRY));
        Counts plain = plain(List.of(List.of(Workload.ACCOUNT), List.of(Workload.ENTRY)));

        assertThat(multidb.jdbc()).as("JDBC work of hibernate-multidb over two aliases (actual) against two plain"
                + " Hibernate factories together (expected)").isEqualTo(plain.jdbc());
        assertThat(multidb.reported()).as("statements reported by the StatementListener against plain Hibernate's"
                + " StatementInspector").isEqualTo(plain.reported());
    }

    @Test
    void theStatementListenerReportsEveryStatementTheDriverGets() {
        Counts multidb = multidb("guard-two", List.of("default", "other"), List.of(Workload.ACCOUNT, Workload.ENTRY));

        assertThat(multidb.reported()).isEqualTo(statementsOf(multidb.jdbc()));
    }

    /** What the workload cost: JDBC calls counted at the driver, and statements by kind as the ORM reports them. */
    private record Counts(Map<String, Integer> jdbc, Map<String, Integer> reported) {
    }

    /** One multidb factory over fresh databases, one per alias; the workload runs once, on all types. */
    private static Counts multidb(String unit, List<String> aliases, List<RowType> types) {
        Map<String, Object> properties = new HashMap<>();
        Map<String, String> urls = new HashMap<>();
        for (String alias : aliases) {
            urls.put(alias, TestFactories.h2Url("guard-" + alias));
            properties.put("multidb.databases." + alias + ".url", urls.get(alias));
        }
        JdbcCounter counter = new JdbcCounter();
        StatementRecorder recorder = new StatementRecorder();
        try (MultiDbEntityManagerFactory factory =
                     (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory(unit, properties)) {
            AliasPools pools = factory.unwrap(AliasPools.class);
            for (String alias : aliases) {
                JdbcDataSource database = h2(urls.get(alias));
                pools.override(alias, () -> counter.connection(database));
            }
            factory.addStatementListener(recorder);
            Workload.run(factory, types);
        }
        Map<String, Integer> reported = new TreeMap<>();
        recorder.statements().forEach(statement -> reported.merge(JdbcCounter.kind(statement.sql()), 1, Integer::sum));
        return new Counts(counter.counts(), reported);
    }

    /** One plain Hibernate factory per list of types, each over its own fresh database, run one after the other. */
    private static Counts plain(List<List<RowType>> typesPerDatabase) {
        JdbcCounter counter = new JdbcCounter();
        CountingInspector inspector = new CountingInspector();
        List<EntityManagerFactory> factories = typesPerDatabase.stream().map(types -> Persistence.createEntityManagerFactory(
                "guard-plain", Map.of(NON_JTA_DATA_SOURCE, counter.dataSource(h2(TestFactories.h2Url("guard-plain"))),
                        STATEMENT_INSPECTOR, inspector))).toList();
        try {
            counter.reset();     // schema generation and dialect detection are not the workload's
            inspector.reset();
            for (int i = 0; i < factories.size(); i++) {
                Workload.run(factories.get(i), typesPerDatabase.get(i));
            }
        } finally {
            factories.forEach(EntityManagerFactory::close);
        }
        return new Counts(counter.counts(), inspector.kinds());
    }

    private static Map<String, Integer> statementsOf(Map<String, Integer> jdbc) {
        Map<String, Integer> statements = new TreeMap<>();
        jdbc.forEach((what, count) -> {
            if (what.startsWith("statements ")) {
                statements.put(what.substring("statements ".length()), count);
            }
        });
        return statements;
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(url);
        return database;
    }
}
