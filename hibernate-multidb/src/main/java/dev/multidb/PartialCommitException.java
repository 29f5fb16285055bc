package dev.multidb;

import java.util.List;

/**
 * A commit over several aliases failed after at least one alias had committed. Each alias has its own
 * database transaction; this library does not run two-phase commit (use JTA with XA for atomic commits
 * across databases). The exception tells which aliases hold the committed work and which were rolled
 * back, so that the application can repair or report.
 */
public class PartialCommitException extends MultiDbException {
    private static final long serialVersionUID = 1L;

    private final List<String> committed;
    private final List<String> rolledBack;

    public PartialCommitException(List<String> committed, List<String> rolledBack, Throwable cause) {
        super("The commit failed part-way: committed on " + committed + ", rolled back on " + rolledBack
                + ". The committed aliases keep their changes; repair them or use JTA with XA for atomic"
                + " commits across databases.", cause);
        this.committed = List.copyOf(committed);
        this.rolledBack = List.copyOf(rolledBack);
    }

    /** The aliases whose transaction committed, in commit order. */
    public List<String> committed() {
        return committed;
    }

    /** The aliases whose transaction was rolled back (the failing one first). */
    public List<String> rolledBack() {
        return rolledBack;
    }
}
