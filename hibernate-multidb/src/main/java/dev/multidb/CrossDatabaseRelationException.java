package dev.multidb;

/**
 * A relation between entities on different aliases that no router allows: found in the mapping at
 * bootstrap, or between instances at flush. Nothing is written when it is thrown at flush.
 */
public class CrossDatabaseRelationException extends MultiDbException {
    private static final long serialVersionUID = 1L;

    public CrossDatabaseRelationException(String message) {
        super(message);
    }
}
