package dev.multidb.it.contract;

import dev.multidb.StatementListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Every statement with the alias of the connection it went to. */
final class Recorder implements StatementListener {

    record Statement(String alias, String sql) {
        boolean isSelect() {
            return sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select");
        }
    }

    private final List<Statement> statements = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onStatement(String alias, String sql) {
        statements.add(new Statement(alias, sql));
    }

    List<Statement> all() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    List<String> aliases() {
        return all().stream().map(Statement::alias).toList();
    }

    List<String> aliasesOfWrites() {
        return all().stream().filter(s -> !s.isSelect()).map(Statement::alias).toList();
    }

    void clear() {
        statements.clear();
    }
}
