package dev.multidb.liquibase.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import liquibase.resource.AbstractResource;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

/**
 * Shows Liquibase one app's changelog directory under the path prefix {@code <app>/}.
 *
 * <p>Why: Liquibase records the path it loaded a changeset's file from in {@code DATABASECHANGELOG.FILENAME}
 * and takes it as part of the changeset's identity. Loading the app's master changelog as
 * {@code <app>/changelog.xml} makes every relative include {@code <app>/...} too, whether the directory
 * lies on the class path, in another module's jar or on the file system. Paths written in full (the
 * class path or file system path of a file inside the directory) are accepted as well; nothing outside
 * the directory can be reached, so a changeset's file always has a path inside the app.
 */
final class AppResourceAccessor implements ResourceAccessor {

    private final String app;
    private final AppRoot root;

    AppResourceAccessor(String app, AppRoot root) {
        this.app = app;
        this.root = root;
    }

    /** The path inside the app's directory that {@code path} names, or {@code null} if it names none. */
    String relative(String path) {
        String normalized = normalize(path);
        if (normalized == null) {
            return null;
        }
        if (normalized.startsWith(app + "/")) {
            return normalized.substring(app.length() + 1);
        }
        if (normalized.equals(app)) {
            return "";
        }
        return root.inside(normalized);
    }

    @Override
    public List<Resource> getAll(String path) {
        String relative = relative(path);
        if (relative == null) {
            return List.of();
        }
        URI uri = root.find(relative);
        return uri == null ? List.of() : List.of(new AppResource(app + "/" + relative, uri));
    }

    @Override
    public List<Resource> search(String path, boolean recursive) throws IOException {
        String relative = relative(path);
        if (relative == null) {
            return List.of();
        }
        List<Resource> found = new ArrayList<>();
        for (String file : root.list(relative, recursive)) {
            URI uri = root.find(file);
            if (uri != null) {
                found.add(new AppResource(app + "/" + file, uri));
            }
        }
        return found;
    }

    @Override
    public List<String> describeLocations() {
        return List.of("app '" + app + "': " + root.describe() + " (seen as " + app + "/; files outside it are not"
                + " part of the app)");
    }

    @Override
    public void close() {
        // nothing is held open
    }

    /** Liquibase's spellings of a path reduced to {@code a/b/c}; {@code null} when it leaves its root. */
    static String normalize(String path) {
        String text = path.replace('\\', '/').replaceFirst("^classpath\\*?:", "").replaceFirst("^file:", "");
        List<String> parts = new ArrayList<>();
        for (String part : text.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** A file of the app, known to Liquibase by its {@code <app>/...} path. */
    private final class AppResource extends AbstractResource {

        AppResource(String path, URI uri) {
            super(path, uri);
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            return getUri().toURL().openStream();
        }

        @Override
        public Resource resolve(String other) {
            return lookUp(resolvePath(other));
        }

        @Override
        public Resource resolveSibling(String other) {
            return lookUp(resolveSiblingPath(other));
        }

        private Resource lookUp(String path) {
            try {
                return get(path);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
