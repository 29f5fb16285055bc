package dev.multidb;

/** A write was routed to a read-only alias (a replica). Thrown before any SQL is sent. */
public class ReadOnlyDatabaseException extends MultiDbException {
    private static final long serialVersionUID = 1L;

    public ReadOnlyDatabaseException(String message) {
        super(message);
    }
}
