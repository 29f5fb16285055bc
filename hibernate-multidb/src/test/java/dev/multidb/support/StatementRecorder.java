package dev.multidb.support;

import dev.multidb.StatementListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Records every statement with its alias: where each statement really went. Thread-safe. */
public final class StatementRecorder implements StatementListener {

    public record Statement(String alias, String sql) {
        public boolean is(String verb) {
            return sql.stripLeading().toLowerCase(Locale.ROOT).startsWith(verb);
        }
    }

    private final List<Statement> statements = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onStatement(String alias, String sql) {
        statements.add(new Statement(alias, sql));
    }

    public List<Statement> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** The aliases of the statements starting with {@code verb} (select, insert, update, delete). */
    public List<String> aliasesOf(String verb) {
        return statements().stream().filter(s -> s.is(verb)).map(Statement::alias).toList();
    }

    /** The aliases of the statements touching {@code table} (a case-insensitive substring of the SQL). */
    public List<String> aliasesTouching(String table) {
        String needle = table.toLowerCase(Locale.ROOT);
        return statements().stream().filter(s -> s.sql().toLowerCase(Locale.ROOT).contains(needle))
                .map(Statement::alias).toList();
    }

    public void clear() {
        statements.clear();
    }
}
