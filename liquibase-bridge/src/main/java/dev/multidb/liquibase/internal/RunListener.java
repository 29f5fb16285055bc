package dev.multidb.liquibase.internal;

import dev.multidb.liquibase.ChangeSetId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/** Collects what Liquibase ran or rolled back for one app on one alias, and reports progress lines. */
final class RunListener extends AbstractChangeExecListener {

    private final String alias;
    private final String app;
    private final Consumer<String> progress;
    private final List<ChangeSetId> done = new ArrayList<>();
    private ChangeSetId failed;

    RunListener(String alias, String app, Consumer<String> progress) {
        this.alias = alias;
        this.app = app;
        this.progress = progress;
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
            ChangeSet.ExecType execType) {
        ChangeSetId id = History.id(app, changeSet);
        done.add(id);
        progress.accept("[" + alias + "] ran " + id);
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
        ChangeSetId id = History.id(app, changeSet);
        done.add(id);
        progress.accept("[" + alias + "] rolled back " + id);
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
            Exception exception) {
        failed = History.id(app, changeSet);
        progress.accept("[" + alias + "] FAILED " + failed);
    }

    @Override
    public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
            Exception exception) {
        failed = History.id(app, changeSet);
        progress.accept("[" + alias + "] rollback FAILED " + failed);
    }

    /** The changesets run (or rolled back), in order. */
    List<ChangeSetId> done() {
        return done;
    }

    /** The changeset that failed, or {@code null}. */
    ChangeSetId failed() {
        return failed;
    }
}
