package dev.multidb;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries of the repository, read from every module's sources (main and test): an
 * {@code internal} package belongs to its module, and no other module may import it; the project's own modules
 * use the library through {@code dev.multidb} and {@code dev.multidb.spi}.
 *
 * <p>One exemption: {@code benchmarks} measures internal pieces themselves (it takes the relation guard out of a
 * factory to time the check), which no public type allows.
 */
class ArchitectureTest {

    /** Each module's internal packages. */
    private static final Map<String, String> INTERNAL_PACKAGES = Map.of(
            "hibernate-multidb", "dev.multidb.internal",
            "liquibase-bridge", "dev.multidb.liquibase.internal",
            "multidb-junit", "dev.multidb.junit.internal");

    private static final List<String> EXEMPT = List.of("benchmarks");

    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)");
    /** A class named with its package in the code, without an import. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.\"])((?:[a-z]\\w*\\.)+[A-Z]\\w*)");

    @Test
    void noModuleImportsAnotherModulesInternalPackages() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("hibernate-multidb/pom.xml")).as("the repository's root").exists();
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(dir -> Files.exists(dir.resolve("pom.xml"))).toList()) {
                String name = module.getFileName().toString();
                if (EXEMPT.contains(name)) {
                    continue;
                }
                for (Path sources : List.of(module.resolve("src/main/java"), module.resolve("src/test/java"))) {
                    if (!Files.isDirectory(sources)) {
                        continue;
                    }
                    try (Stream<Path> walk = Files.walk(sources)) {
                        for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                            files++;
                            violations.addAll(violations(name, root.relativize(file), Files.readString(file)));
                        }
                    }
                }
            }
        }
        assertThat(files).as("source files read").isGreaterThan(300);
        assertThat(violations).as("imports of another module's internal package (use dev.multidb.spi)").isEmpty();
    }

    private static List<String> violations(String module, Path file, String source) {
        List<String> found = new ArrayList<>();
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        List<String> referenced = new ArrayList<>();
        for (Matcher matcher : List.of(IMPORT.matcher(code), QUALIFIED.matcher(code))) {
            while (matcher.find()) {
                referenced.add(matcher.group(1));
            }
        }
        for (String imported : referenced) {
            INTERNAL_PACKAGES.forEach((owner, internal) -> {
                if (!owner.equals(module) && (imported.equals(internal) || imported.startsWith(internal + "."))) {
                    found.add(file + " uses " + imported + " (internal to " + owner + ")");
                }
            });
        }
        return found.stream().distinct().toList();
    }
}
