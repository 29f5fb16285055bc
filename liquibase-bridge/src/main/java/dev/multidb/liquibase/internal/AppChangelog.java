package dev.multidb.liquibase.internal;

import dev.multidb.MultiDbException;
import dev.multidb.spi.ConfiguredApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

/**
 * One app's changelog: where its directory is, and how to parse it with every changeset identified as
 * {@code <app>/<path inside the app>}.
 *
 * <p>Where {@code multidb.apps.<app>.changelog} is looked for: {@code classpath:PATH} on the class path
 * only; {@code file:PATH} and absolute paths on the file system only; any other path on the class path
 * first, then on the file system relative to the working directory. The changelog's directory is the
 * app's directory: every file the changelog includes must lie inside it.
 */
public final class AppChangelog {

    private final String app;
    private final String masterFile;
    private final AppRoot root;
    private final AppResourceAccessor accessor;

    private AppChangelog(String app, String masterFile, AppRoot root) {
        this.app = app;
        this.masterFile = masterFile;
        this.root = root;
        this.accessor = new AppResourceAccessor(app, root);
    }

    /**
     * Finds the changelog of an app.
     *
     * @throws MultiDbException when it exists nowhere, naming the key, the value and where it was looked for
     */
    public static AppChangelog locate(ConfiguredApp app, ClassLoader loader) {
        String value = app.changelog().trim();
        String key = "multidb.apps." + app.name() + ".changelog";
        if (value.startsWith("classpath:")) {
            AppChangelog found = onClassPath(app.name(), value.substring("classpath:".length()), loader);
            if (found == null) {
                throw notFound(key, value, "on the class path");
            }
            return found;
        }
        boolean fileOnly = value.startsWith("file:") || Paths.get(value).isAbsolute();
        String path = value.startsWith("file:") ? value.substring("file:".length()) : value;
        if (!fileOnly) {
            AppChangelog found = onClassPath(app.name(), path, loader);
            if (found != null) {
                return found;
            }
        }
        Path file = Paths.get(path).toAbsolutePath().normalize();
        if (Files.isRegularFile(file)) {
            return new AppChangelog(app.name(), file.getFileName().toString(), new AppRoot.Directory(file.getParent()));
        }
        throw notFound(key, value, fileOnly ? "at " + file : "on the class path nor at " + file);
    }

    private static AppChangelog onClassPath(String app, String path, ClassLoader loader) {
        String normalized = AppResourceAccessor.normalize(path);
        java.net.URL url = normalized == null || normalized.isEmpty() ? null : loader.getResource(normalized);
        if (url == null) {
            return null;
        }
        int slash = normalized.lastIndexOf('/');
        return new AppChangelog(app, normalized.substring(slash + 1),
                new AppRoot.ClassPath(loader, normalized.substring(0, slash + 1), url));
    }

    private static MultiDbException notFound(String key, String value, String where) {
        return new MultiDbException("The changelog '" + value + "' of '" + key + "' was found neither " + where
                + ". Set it to a class path resource (db/changelog/app.xml, or classpath:db/changelog/app.xml)"
                + " or a file (file:migrations/app.xml, or an absolute path).");
    }

    /** The app's name. */
    public String app() {
        return app;
    }

    /** Where the app's directory is, for messages. */
    public String location() {
        return root.describe() + masterFile;
    }

    /** The resources of the app, under {@code <app>/}. */
    ResourceAccessor accessor() {
        return accessor;
    }

    /**
     * Parses the changelog for {@code database} and pins every changeset's file path to
     * {@code <app>/<path inside the app>}. A {@code logicalFilePath} set in the changelog is kept, inside
     * the app: {@code <app>/<logicalFilePath>}.
     */
    DatabaseChangeLog parse(Database database) throws LiquibaseException {
        String path = app + "/" + masterFile;
        // Aliases migrating in parallel parse at the same time: Liquibase's parsers keep no state between
        // parses (a new SAX parser and handler each time), as when several Spring contexts migrate at once.
        ChangeLogParser parser = ChangeLogParserFactory.getInstance().getParser(path, accessor);
        DatabaseChangeLog changeLog = parser.parse(path, new ChangeLogParameters(database), accessor);
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            changeSet.setFilePath(identity(changeSet.getFilePath()));
        }
        return changeLog;
    }

    /** {@code <app>/<path inside the app>} for a path Liquibase gave a changeset. */
    String identity(String filePath) {
        String relative = accessor.relative(filePath);
        if (relative != null) {
            return app + "/" + relative;
        }
        String normalized = AppResourceAccessor.normalize(filePath);
        return app + "/" + (normalized == null ? filePath : normalized);
    }
}
