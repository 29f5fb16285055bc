package dev.multidb.it.replicas;

import dev.multidb.StatementListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every statement sent, with the alias of the connection that really served it. Thread-safe. */
final class Statements implements StatementListener {

    record Statement(String alias, String sql) {
        boolean isSelect() {
            return sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select");
        }
    }

    private final List<Statement> statements = new ArrayList<>();

    @Override
    public synchronized void onStatement(String alias, String sql) {
        statements.add(new Statement(alias, sql));
    }

    synchronized List<Statement> all() {
        return List.copyOf(statements);
    }

    /** How many statements were recorded so far: a mark for {@link #since(int)}. */
    synchronized int mark() {
        return statements.size();
    }

    synchronized List<Statement> since(int mark) {
        return List.copyOf(statements.subList(mark, statements.size()));
    }

    /** The aliases that served selects, in order. */
    List<String> selectAliases() {
        return all().stream().filter(Statement::isSelect).map(Statement::alias).toList();
    }

    /** The aliases that served anything but a select, in order. */
    List<String> writeAliases() {
        return all().stream().filter(s -> !s.isSelect()).map(Statement::alias).toList();
    }

    synchronized void clear() {
        statements.clear();
    }
}
