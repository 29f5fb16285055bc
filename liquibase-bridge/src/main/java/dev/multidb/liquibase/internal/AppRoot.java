package dev.multidb.liquibase.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The directory an app's changelog lies in: a directory of the file system or a folder of the class
 * path. Every file of the app is addressed by its path inside this directory, which is what makes a
 * changeset's identity independent of where the directory is.
 */
abstract sealed class AppRoot {

    /** Where the directory is, for messages: {@code classpath:db/services/} or a file system path. */
    abstract String describe();

    /** The file at {@code relative} (a normalized path inside the directory), or {@code null} if absent. */
    abstract URI find(String relative);

    /** The files under the folder {@code relative} ("" for the root), paths inside the directory, sorted. */
    abstract List<String> list(String relative, boolean recursive) throws IOException;

    /**
     * If {@code path} names a file inside this directory in the way a changelog might write it without
     * the app prefix (a full class path or file system path), the part inside the directory; otherwise
     * {@code null}.
     */
    abstract String inside(String path);

    /** A folder of the class path, {@code prefix} ending with {@code /} (empty for the class path root). */
    static final class ClassPath extends AppRoot {
        private final ClassLoader loader;
        private final String prefix;
        private final URL anchor;

        /** @param anchor the URL of the app's changelog: its jar is listed even without directory entries */
        ClassPath(ClassLoader loader, String prefix, URL anchor) {
            this.loader = Objects.requireNonNull(loader, "loader");
            this.prefix = prefix;
            this.anchor = anchor;
        }

        @Override
        String describe() {
            return "classpath:" + prefix;
        }

        @Override
        URI find(String relative) {
            URL url = loader.getResource(prefix + relative);
            if (url == null) {
                return null;
            }
            try {
                return url.toURI();
            } catch (URISyntaxException e) {
                return null;
            }
        }

        @Override
        String inside(String path) {
            return !prefix.isEmpty() && path.startsWith(prefix) ? path.substring(prefix.length()) : null;
        }

        @Override
        List<String> list(String relative, boolean recursive) throws IOException {
            String folder = prefix + (relative.isEmpty() || relative.endsWith("/") ? relative : relative + "/");
            TreeSet<String> found = new TreeSet<>();
            List<URL> urls = new ArrayList<>(Collections.list(
                    loader.getResources(folder.isEmpty() ? "" : folder.substring(0, folder.length() - 1))));
            if (anchor != null && "jar".equals(anchor.getProtocol())) {
                urls.add(anchor);
            }
            for (URL url : urls) {
                if ("file".equals(url.getProtocol())) {
                    Path dir;
                    try {
                        dir = Paths.get(url.toURI());
                    } catch (URISyntaxException e) {
                        continue;
                    }
                    String base = folder.substring(prefix.length());
                    for (String file : new Directory(dir).list("", recursive)) {
                        found.add(base + file);
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    listJar(url, folder, prefix.length(), recursive, found);
                }
            }
            return new ArrayList<>(found);
        }
    }

    private static void listJar(URL url, String folder, int prefixLength, boolean recursive, TreeSet<String> found)
            throws IOException {
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return;
        }
        jar.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(folder)
                        && (recursive || name.indexOf('/', folder.length()) < 0)) {
                    found.add(name.substring(prefixLength));
                }
            }
        }
    }

    /** A directory of the file system. */
    static final class Directory extends AppRoot {
        private final Path dir;

        Directory(Path dir) {
            this.dir = dir.toAbsolutePath().normalize();
        }

        @Override
        String describe() {
            return dir.toString();
        }

        @Override
        URI find(String relative) {
            Path file = dir.resolve(relative).normalize();
            return file.startsWith(dir) && Files.isRegularFile(file) ? file.toUri() : null;
        }

        @Override
        String inside(String path) {
            String root = dir.toString().replace('\\', '/').replaceFirst("^/", "") + "/";
            return path.startsWith(root) ? path.substring(root.length()) : null;
        }

        @Override
        List<String> list(String relative, boolean recursive) throws IOException {
            Path folder = dir.resolve(relative).normalize();
            if (!folder.startsWith(dir) || !Files.isDirectory(folder)) {
                return List.of();
            }
            try (Stream<Path> files = recursive ? Files.walk(folder) : Files.list(folder)) {
                return files.filter(Files::isRegularFile)
                        .map(file -> dir.relativize(file).toString().replace('\\', '/'))
                        .sorted()
                        .toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
