package dev.multidb.liquibase;

import java.util.Objects;

/**
 * The identity of one changeset as the bridge records it: the app, the path inside the app's changelog
 * directory, the changeset id and its author.
 *
 * <p>The {@code FILENAME} column of Liquibase's {@code DATABASECHANGELOG} holds {@link #fileName()},
 * {@code <app>/<path inside the app>}: moving the app's changelog directory to another module, another
 * class path root or the file system keeps every identity, so nothing runs again.
 *
 * @param app    the app the changeset belongs to
 * @param path   the path of the changeset's file inside the app's changelog directory, with {@code /}
 *               separators, for example {@code v1/001-tables.xml}
 * @param id     the changeset's {@code id}
 * @param author the changeset's {@code author}
 */
public record ChangeSetId(String app, String path, String id, String author) {

    /** Requires every part. */
    public ChangeSetId {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
    }

    /** What {@code DATABASECHANGELOG.FILENAME} holds: {@code <app>/<path>}. */
    public String fileName() {
        return app + "/" + path;
    }

    /** Liquibase's notation: {@code <app>/<path>::<id>::<author>}. */
    @Override
    public String toString() {
        return fileName() + "::" + id + "::" + author;
    }
}
