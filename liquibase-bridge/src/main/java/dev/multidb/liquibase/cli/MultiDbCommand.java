package dev.multidb.liquibase.cli;

import dev.multidb.MultiDbException;
import dev.multidb.liquibase.MigrationException;
import dev.multidb.liquibase.MigrationReport;
import dev.multidb.liquibase.Migrator;
import dev.multidb.liquibase.RollbackReport;
import dev.multidb.liquibase.SqlReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * The {@code multidb} command line: {@code migrate}, {@code status}, {@code sql}, {@code rollback} and
 * {@code release-locks} over the {@link Migrator}.
 *
 * <p>Results go to standard output, progress and errors to standard error. Exit codes: 0 success,
 * 1 a failed migration (or a database that could not be reached), 2 bad usage (unknown option, alias
 * or app, wrong configuration).
 */
@Command(name = "multidb", mixinStandardHelpOptions = true, versionProvider = MultiDbCommand.Version.class,
        description = {
            "Migrates the databases of hibernate-multidb: runs each app's Liquibase changelog"
                    + " (multidb.apps.<app>.changelog) on every alias where the routers' allowMigrate(alias, app)"
                    + " allows it. Apps not allowed on an alias leave no trace there; replicas are never migrated.",
            "The configuration is read from the same multidb.* keys as the entity manager factory: give a"
                    + " properties file (--config) or a persistence unit on the class path (--unit)."},
        subcommands = {
            MultiDbCommand.Migrate.class, MultiDbCommand.Status.class, MultiDbCommand.Sql.class,
            MultiDbCommand.Rollback.class, MultiDbCommand.ReleaseLocks.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a migration failed (or a database could not be reached)",
            "  2  bad usage: unknown option, alias or app, or wrong configuration",
            "",
            "Examples:",
            "  multidb --config multidb.properties migrate --all",
            "  multidb --config multidb.properties status",
            "  multidb --unit shop migrate --database users   (persistence.xml on the class path)",
            "  multidb --config multidb.properties rollback --database default --app services --count 1"})
public final class MultiDbCommand implements Callable<Integer> {

    /** Kept referenced: java.util.logging forgets levels set on loggers nobody holds. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A properties file with the multidb.* keys (databases, routers, apps).")
    Path config;

    @Option(names = "--unit", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "A persistence unit declared in a META-INF/persistence.xml on the class path;"
                    + " with --config too, the file's keys override the unit's.")
    String unit;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show Liquibase's own log on stderr.")
    boolean verbose;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line without exiting.
     *
     * @return the exit code: 0 success, 1 failed migration, 2 bad usage
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        MultiDbCommand command = new MultiDbCommand();
        command.out = out;
        command.err = err;
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            err.println("multidb: " + exception.getMessage());
            if (exception instanceof MigrationException) {
                return 1;
            }
            if (exception instanceof MultiDbException || exception instanceof UsageException) {
                return 2;
            }
            return 1;
        });
        return line.execute(args);
    }

    @Override
    public Integer call() {
        err.println("multidb: missing command: give one of migrate, status, sql, rollback, release-locks.");
        new CommandLine(this).usage(err);
        return 2;
    }

    /** The migrator for --config / --unit, with progress on stderr. */
    Migrator migrator() {
        LIQUIBASE_LOG.setLevel(verbose ? Level.INFO : Level.OFF);
        HIBERNATE_LOG.setLevel(verbose ? Level.INFO : Level.WARNING);
        if (config == null && unit == null) {
            throw new UsageException("Say where the configuration is: --config FILE (a properties file with the"
                    + " multidb.* keys) or --unit NAME (a persistence unit on the class path).");
        }
        Map<String, Object> properties = new HashMap<>();
        if (config != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UsageException("Cannot read --config " + config + ": " + e.getMessage());
            }
            file.forEach((key, value) -> properties.put(String.valueOf(key), value));
        }
        Migrator migrator = unit != null ? Migrator.forUnit(unit, properties) : Migrator.fromProperties(properties);
        return migrator.withProgress(err::println);
    }

    /** A command line mistake that is not about the configuration keys themselves: exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The version of the bridge, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MultiDbCommand.class.getPackage().getImplementationVersion();
            return new String[] {"multidb (liquibase-bridge) " + (version == null ? "development" : version)};
        }
    }

    /** Which aliases to migrate: one, or all. */
    static final class Target {
        @Option(names = "--database", paramLabel = "ALIAS", required = true, description = "The alias to migrate.")
        String alias;

        @Option(names = "--all", required = true,
                description = "Every alias except replicas, in parallel; one failing alias does not stop the others.")
        boolean all;
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Runs the pending changesets of every app allowed on the alias (or on every alias).")
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        MultiDbCommand parent;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Override
        public Integer call() {
            Migrator migrator = parent.migrator();
            List<MigrationReport> reports = target.all ? List.copyOf(migrator.migrateAll().values())
                    : List.of(migrator.migrate(target.alias));
            reports.forEach(report -> Reports.migration(parent.out, report));
            return reports.stream().allMatch(MigrationReport::succeeded) ? 0 : 1;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Lists the pending changesets per app on each alias; changes nothing.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        MultiDbCommand parent;

        @Option(names = "--database", paramLabel = "ALIAS",
                description = "Only this alias (default: every alias except replicas).")
        String alias;

        @Override
        public Integer call() {
            Migrator migrator = parent.migrator();
            for (String each : alias != null ? List.of(alias) : migrator.aliases()) {
                Reports.status(parent.out, migrator.status(each));
            }
            return 0;
        }
    }

    @Command(name = "sql", mixinStandardHelpOptions = true,
            description = "Prints the SQL a migration of the alias would run; executes nothing.")
    static final class Sql implements Callable<Integer> {
        @ParentCommand
        MultiDbCommand parent;

        @Option(names = "--database", paramLabel = "ALIAS", required = true, description = "The alias.")
        String alias;

        @Override
        public Integer call() {
            SqlReport report = parent.migrator().updateSql(alias);
            parent.out.print(report.sql().isEmpty() ? "-- " + alias + ": up to date, nothing to run"
                    + System.lineSeparator() : report.sql());
            parent.out.flush();
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Rolls back the last COUNT changesets of one app on one alias.")
    static final class Rollback implements Callable<Integer> {
        @ParentCommand
        MultiDbCommand parent;

        @Option(names = "--database", paramLabel = "ALIAS", required = true, description = "The alias.")
        String alias;

        @Option(names = "--app", paramLabel = "APP", required = true, description = "The app.")
        String app;

        @Option(names = "--count", paramLabel = "COUNT", required = true,
                description = "How many of the app's most recent changesets to roll back (1 or more).")
        int count;

        @Override
        public Integer call() {
            RollbackReport report = parent.migrator().rollback(alias, app, count);
            Reports.rollback(parent.out, report);
            return report.succeeded() ? 0 : 1;
        }
    }

    @Command(name = "release-locks", mixinStandardHelpOptions = true,
            description = "Releases the alias's Liquibase lock left behind by a process that is gone.")
    static final class ReleaseLocks implements Callable<Integer> {
        @ParentCommand
        MultiDbCommand parent;

        @Option(names = "--database", paramLabel = "ALIAS", required = true, description = "The alias.")
        String alias;

        @Override
        public Integer call() {
            Reports.lockRelease(parent.out, alias, parent.migrator().releaseLocks(alias));
            return 0;
        }
    }
}
