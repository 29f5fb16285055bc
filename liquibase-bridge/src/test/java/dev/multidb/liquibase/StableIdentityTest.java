package dev.multidb.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.MultiDbException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changesets are identified as {@code <app>/<path inside the app>}, wherever the app's directory lies. */
class StableIdentityTest {

    private static final List<String> SERVICES = List.of("db/services/changelog.xml",
            "db/services/v1/001-tables.xml", "db/services/v1/002-data.xml");
    private static final List<String> BILLING = List.of("db/billing/changelog.xml", "db/billing/tables.xml",
            "db/billing/more/001-sql.xml", "db/billing/sql/002-invoice-line.sql");

    @TempDir
    Path temp;

    private final String url = Databases.h2("identity");

    private Migrator migrator(String app, String changelog) {
        Map<String, Object> config = Databases.config("default", url);
        config.put("multidb.apps." + app + ".changelog", changelog);
        return Migrator.fromProperties(config);
    }

    @Test
    void historyRecordsAppAndPathInsideTheApp() throws Exception {
        migrator("fullpaths", "db/fullpaths/changelog.xml").migrate("default").throwIfFailed();

        assertThat(Databases.history(url)).containsExactly("fullpaths/tables.xml::1::dave",
                "fullpaths/more/001-sql.xml::2::dave");
        assertThat(Databases.hasTable(url, "invoice_line")).isTrue();
    }

    @Test
    void movingTheDirectoryToTheFileSystemRunsNothingAgain() throws Exception {
        migrator("services", "db/services/changelog.xml").migrate("default").throwIfFailed();
        Path moved = copy(SERVICES, "db/services/", temp.resolve("elsewhere/migrations/services"));

        MigrationReport again = migrator("services", "file:" + moved.resolve("changelog.xml")).migrate("default");

        assertThat(again.throwIfFailed().changeSetsRun()).isEmpty();
        assertThat(Databases.history(url)).hasSize(3);
    }

    @Test
    void movingTheDirectoryToAnotherClassPathRootRunsNothingAgain() throws Exception {
        migrator("billing", "db/billing/changelog.xml").migrate("default").throwIfFailed();
        Path root = temp.resolve("other-module/classes");
        copy(BILLING, "db/billing/", root.resolve("schema/billing/billing"));

        MigrationReport again = withClassLoader(new URLClassLoader(new URL[] {root.toUri().toURL()}, null),
                () -> migrator("billing", "schema/billing/billing/changelog.xml").migrate("default"));

        assertThat(again.throwIfFailed().changeSetsRun()).isEmpty();
        assertThat(Databases.history(url)).hasSize(2);
    }

    @Test
    void movingTheDirectoryIntoAJarRunsNothingAgain() throws Exception {
        migrator("billing", "db/billing/changelog.xml").migrate("default").throwIfFailed();
        Path jar = temp.resolve("module.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String resource : BILLING) {
                out.putNextEntry(new JarEntry("META-INF/migrations/" + resource.substring("db/".length())));
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }

        MigrationReport again = withClassLoader(new URLClassLoader(new URL[] {jar.toUri().toURL()}, null),
                () -> migrator("billing", "META-INF/migrations/billing/changelog.xml").migrate("default"));

        assertThat(again.throwIfFailed().changeSetsRun()).isEmpty();
    }

    @Test
    void aMissingChangelogFailsNamingTheKey() {
        assertThatThrownBy(() -> migrator("services", "db/nosuch/changelog.xml"))
                .isInstanceOf(MultiDbException.class)
                .hasMessageStartingWith("The changelog 'db/nosuch/changelog.xml' of 'multidb.apps.services.changelog'"
                        + " was found neither on the class path nor at ");
    }

    private Path copy(List<String> resources, String prefix, Path target) throws IOException {
        for (String resource : resources) {
            Path file = target.resolve(resource.substring(prefix.length()));
            Files.createDirectories(file.getParent());
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
                 OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
        }
        return target;
    }

    private static <T> T withClassLoader(ClassLoader loader, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new DelegatingLoader(loader, previous));
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Resources from {@code resources} only; classes (drivers, Liquibase) from the test class path. */
    private static final class DelegatingLoader extends ClassLoader {
        private final ClassLoader resources;

        DelegatingLoader(ClassLoader resources, ClassLoader classes) {
            super(classes);
            this.resources = resources;
        }

        @Override
        public URL getResource(String name) {
            if (name.endsWith(".xsd") || name.startsWith("META-INF/services/") || name.endsWith(".properties")) {
                return super.getResource(name);
            }
            return resources.getResource(name);
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) throws IOException {
            if (name.endsWith(".xsd") || name.startsWith("META-INF/services/") || name.endsWith(".properties")) {
                return super.getResources(name);
            }
            return resources.getResources(name);
        }
    }
}
