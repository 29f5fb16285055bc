package dev.multidb.liquibase.cli;

import dev.multidb.liquibase.Adoption;
import dev.multidb.liquibase.ChangeSetId;
import dev.multidb.liquibase.LockHolder;
import dev.multidb.liquibase.MigrationReport;
import dev.multidb.liquibase.RollbackReport;
import dev.multidb.liquibase.StatusReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the command line prints reports on standard output: one block per alias, the alias first. */
final class Reports {

    private Reports() {
    }

    static void migration(PrintStream out, MigrationReport report) {
        String alias = report.alias();
        int ran = report.changeSetsRun().size();
        if (report.succeeded()) {
            out.println(alias + ": OK, " + changeSets(ran) + " run in " + seconds(report.duration()));
        } else {
            out.println(alias + ": FAILED after " + changeSets(ran) + " run, in " + seconds(report.duration()));
        }
        if (report.appsMigrated().isEmpty() && report.succeeded()) {
            out.println("  no app is allowed on " + alias + ": nothing was run or recorded there");
        }
        for (Adoption adoption : report.adoptions()) {
            out.println("  " + adoption.app() + ": adopted " + changeSets(adoption.changeSets()) + " of "
                    + adoption.formerly());
        }
        for (String app : report.appsMigrated()) {
            List<ChangeSetId> ofApp = report.changeSetsRun(app);
            String none = report.succeeded() ? "up to date" : "nothing run";
            out.println("  " + app + ": " + (ofApp.isEmpty() ? none : changeSets(ofApp.size()) + " run"));
        }
        notAllowed(out, alias, report.appsNotAllowed());
        if (!report.succeeded()) {
            out.println("  error: " + indent(report.failure().getMessage()));
        }
    }

    static void status(PrintStream out, StatusReport report) {
        String alias = report.alias();
        out.println(alias + ": " + (report.isUpToDate() ? "up to date" : changeSets(report.pendingCount()) + " pending"));
        for (Adoption adoption : report.pendingAdoptions()) {
            out.println("  " + adoption.app() + ": will adopt " + changeSets(adoption.changeSets()) + " of "
                    + adoption.formerly());
        }
        report.pending().forEach((app, ids) -> {
            out.println("  " + app + ": " + (ids.isEmpty() ? "up to date" : ids.size() + " pending"));
            ids.forEach(id -> out.println("    " + id));
        });
        notAllowed(out, alias, report.appsNotAllowed());
    }

    static void rollback(PrintStream out, RollbackReport report) {
        out.println(report.alias() + ": " + (report.succeeded() ? "OK" : "FAILED") + ", rolled back "
                + changeSets(report.rolledBack().size()) + " of " + report.app() + " in " + seconds(report.duration()));
        report.rolledBack().forEach(id -> out.println("    " + id));
        if (!report.succeeded()) {
            out.println("  error: " + indent(report.failure().getMessage()));
        }
    }

    static void lockRelease(PrintStream out, String alias, Optional<LockHolder> holder) {
        out.println(alias + ": " + holder.map(h -> "released the lock held by " + h).orElse("the lock was free"));
    }

    private static void notAllowed(PrintStream out, String alias, List<String> apps) {
        for (String app : apps) {
            out.println("  " + app + ": not allowed on " + alias);
        }
    }

    static String changeSets(int count) {
        return count + " changeset" + (count == 1 ? "" : "s");
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }

    private static String indent(String text) {
        return text == null ? "" : text.strip().replace("\n", "\n    ");
    }
}
