package dev.multidb.it.properties;

import dev.multidb.StatementListener;

import java.util.ArrayList;
import java.util.List;

/** Every statement with the alias of the connection it really went to, since the last {@link #clear()}. */
final class StatementLog implements StatementListener {

    record Statement(String alias, String sql) {
        @Override
        public String toString() {
            String oneLine = sql.replaceAll("\\s+", " ").strip();
            return "[" + alias + "] " + (oneLine.length() > 110 ? oneLine.substring(0, 107) + "..." : oneLine);
        }
    }

    private final List<Statement> statements = new ArrayList<>();

    @Override
    public synchronized void onStatement(String alias, String sql) {
        statements.add(new Statement(alias, sql));
    }

    synchronized List<Statement> statements() {
        return List.copyOf(statements);
    }

    synchronized void clear() {
        statements.clear();
    }
}
