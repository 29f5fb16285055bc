package dev.multidb;

import jakarta.persistence.PersistenceException;

/** The common parent of this library's exceptions. Unchecked. Messages never contain passwords. */
public class MultiDbException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    public MultiDbException(String message) {
        super(message);
    }

    public MultiDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
