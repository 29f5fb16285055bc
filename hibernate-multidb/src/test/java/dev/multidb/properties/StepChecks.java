package dev.multidb.properties;

import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.properties.Placement.Kind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs each step of a sequence under the statement listener and compares what it did with the oracle's
 * prediction; keeps the trace of every step (the aliases allowed, the statements really sent) that a
 * failure reports, and reads every alias's rows with raw JDBC.
 */
final class StepChecks {

    private final StatementLog log;
    private final Object model;
    private final List<String> trace = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private int statements;
    private List<StatementLog.Statement> lastSent = List.of();

    /** {@code model} is shown, as text, in failure messages. */
    StepChecks(StatementLog log, Object model) {
        this.log = log;
        this.model = model;
    }

    /** Empties every table on every alias with raw JDBC. */
    static void emptyTables(MultiDbEntityManagerFactory factory) {
        for (String alias : Placement.ALIASES) {
            try (Connection connection = factory.dataSource(alias).getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from Invoice");
                for (Kind kind : Kind.values()) {
                    if (kind != Kind.INVOICE) {
                        statement.executeUpdate("delete from " + kind.table);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs {@code call}; fails unless every statement it sent went to an alias of {@code allowed}, and unless
     * it threw as {@code expect} says. Returns what it threw.
     */
    Throwable execute(String description, Set<String> allowed, Expect expect, Runnable call) {
        log.clear();
        Throwable thrown = null;
        try {
            call.run();
        } catch (RuntimeException | AssertionError e) {
            thrown = e;
        }
        List<StatementLog.Statement> sent = log.statements();
        lastSent = sent;
        statements += sent.size();
        StringBuilder line = new StringBuilder().append(trace.size() + 1).append(". ").append(description)
                .append("   oracle: ").append(allowed.isEmpty() ? "no statement" : allowed);
        sent.forEach(s -> line.append("\n      ").append(s));
        if (thrown != null) {
            line.append("\n      threw ").append(thrown);
        }
        trace.add(line.toString());
        List<StatementLog.Statement> misrouted = sent.stream().filter(s -> !allowed.contains(s.alias())).toList();
        if (!misrouted.isEmpty()) {
            throw failure("MISROUTED: " + misrouted.size() + " statement(s) of step " + trace.size()
                    + " went to an alias the oracle did not predict " + allowed + ": " + misrouted, thrown);
        }
        if (thrown != null && (expect.type() == null || !expect.type().isInstance(thrown))) {
            throw failure("Step " + trace.size() + " threw what the oracle did not predict: " + thrown, thrown);
        }
        if (thrown == null && expect.required()) {
            throw failure("Step " + trace.size() + " should have failed with " + expect.type().getSimpleName(), null);
        }
        return thrown;
    }

    /**
     * Whether the last step wrote to {@code alias}: whether Hibernate's automatic flush ran there before a query,
     * which depends on Hibernate's own reckoning of the tables the query reads, not on routing.
     */
    boolean lastStepWrote(String alias) {
        return lastSent.stream().anyMatch(s -> s.alias().equals(alias)
                && !s.sql().stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("select"));
    }

    void skip(Action action, String why) {
        trace.add((trace.size() + 1) + ". (skipped " + action + ": " + why + ")");
    }

    AssertionError failure(String message, Throwable cause) {
        AssertionError error = new AssertionError(message + "\nSteps run (each with the aliases the oracle allows"
                + " and the statements really sent):\n" + String.join("\n", trace) + "\nModel: " + model);
        if (cause != null) {
            error.initCause(cause);
        }
        return error;
    }

    /** Every alias's rows, read with raw JDBC, against the model's committed rows. */
    void verifyRows(MultiDbEntityManagerFactory factory, Rows rows) {
        for (String alias : Placement.ALIASES) {
            Map<String, Rows.Row> actual = new TreeMap<>();
            try (Connection connection = factory.dataSource(alias).getConnection();
                 Statement statement = connection.createStatement()) {
                for (Kind kind : Kind.values()) {
                    String sql = "select id, label" + (kind == Kind.INVOICE ? ", customer_id" : "") + " from " + kind.table;
                    try (ResultSet result = statement.executeQuery(sql)) {
                        while (result.next()) {
                            Long customerId = kind == Kind.INVOICE ? result.getObject(3, Long.class) : null;
                            actual.put(Rows.key(kind, result.getLong(1)), new Rows.Row(result.getString(2), customerId));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Map<String, Rows.Row> expected = rows.committed(alias);
            if (!actual.equals(expected)) {
                throw failure("Rows on '" + alias + "' differ from the model's after the commit.\n  expected: "
                        + Rows.describe(expected) + "\n  actual:   " + Rows.describe(actual), null);
            }
        }
        log.clear();
    }

    /** Remembers how the step that began at trace length {@code before} ended, for the run's summary. */
    void outcome(Action action, int before) {
        String name = action.getClass().getSimpleName();
        String last = trace.get(trace.size() - 1);
        outcomes.add(trace.size() == before || last.contains("(skipped") ? name + " skipped"
                : last.contains("\n      threw") ? name + " failed as predicted" : name);
    }

    int traceLength() {
        return trace.size();
    }

    /** The kind and outcome of every step run ({@code Persist}, {@code Persist skipped}, ...). */
    List<String> outcomes() {
        return outcomes;
    }

    /** How many statements the steps sent, all checked. */
    int statements() {
        return statements;
    }
}
