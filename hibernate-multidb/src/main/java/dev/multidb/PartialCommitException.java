package dev.multidb;

import java.util.List;

/**
 * A commit over several aliases did not end the same way on every alias: at least one alias committed, or the
 * outcome on an alias is unknown. Each alias has its own database transaction; this library does not run
 * two-phase commit (use JTA with XA for atomic commits across databases). The exception tells which aliases hold
 * the committed work, which were rolled back, and which are in doubt, so that the application can repair, check or
 * report.
 *
 * <p>An alias is <em>in doubt</em> when its connection broke after {@code COMMIT} was sent: the database may have
 * committed or not, and only what it holds can tell. Check it before retrying: a retry of work that did commit
 * writes it twice.
 */
public class PartialCommitException extends MultiDbException {
    private static final long serialVersionUID = 1L;

    private final List<String> committed;
    private final List<String> rolledBack;
    private final List<String> inDoubt;

    public PartialCommitException(List<String> committed, List<String> rolledBack, Throwable cause) {
        this(committed, rolledBack, List.of(), cause);
    }

    /**
     * @param inDoubt the aliases whose outcome is unknown (their connection broke after COMMIT was sent)
     */
    public PartialCommitException(List<String> committed, List<String> rolledBack, List<String> inDoubt,
                                  Throwable cause) {
        super(message(committed, rolledBack, inDoubt), cause);
        this.committed = List.copyOf(committed);
        this.rolledBack = List.copyOf(rolledBack);
        this.inDoubt = List.copyOf(inDoubt);
    }

    private static String message(List<String> committed, List<String> rolledBack, List<String> inDoubt) {
        if (inDoubt.isEmpty()) {
            return "The commit failed part-way: committed on " + committed + ", rolled back on " + rolledBack
                    + ". The committed aliases keep their changes; repair them or use JTA with XA for atomic"
                    + " commits across databases.";
        }
        String names = "'" + String.join("', '", inDoubt) + "'";
        return "The commit's outcome on " + names + " is unknown: the connection broke after COMMIT was sent, so"
                + " the changes may or may not have been committed there. Check what " + names + " hold"
                + (inDoubt.size() == 1 ? "s" : "") + " before retrying, or the retry may write them twice."
                + " Committed on " + committed + ", rolled back on " + rolledBack + ".";
    }

    /** The aliases whose transaction committed, in commit order. */
    public List<String> committed() {
        return committed;
    }

    /** The aliases whose transaction was rolled back (the failing one first, when its failure is known). */
    public List<String> rolledBack() {
        return rolledBack;
    }

    /** The aliases whose outcome is unknown: their connection broke after {@code COMMIT} was sent. */
    public List<String> inDoubt() {
        return inDoubt;
    }
}
