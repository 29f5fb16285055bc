package dev.multidb.internal.connections;

import dev.multidb.StatementListener;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of one factory. Copy-on-write: listeners are added rarely, fired for every statement,
 * and firing must not lock.
 */
public final class StatementListeners {

    private final CopyOnWriteArrayList<StatementListener> listeners = new CopyOnWriteArrayList<>();

    public void add(StatementListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    public void remove(StatementListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener, in registration order. A listener's exception propagates to the sender. */
    void fire(String alias, String sql) {
        if (listeners.isEmpty()) {
            return;
        }
        for (StatementListener listener : listeners) {
            listener.onStatement(alias, sql);
        }
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }
}
