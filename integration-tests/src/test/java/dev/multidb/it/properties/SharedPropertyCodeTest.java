package dev.multidb.it.properties;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property code of this package is hibernate-multidb's {@code dev.multidb.properties} test code with
 * only the package changed (Maven shares no test code between modules without a test jar): this keeps the
 * copies identical. Every file there but its H2 property class has its copy here.
 */
class SharedPropertyCodeTest {

    private static final Path ORIGINAL = Path.of("../hibernate-multidb/src/test/java/dev/multidb/properties");
    private static final Path COPY = Path.of("src/test/java/dev/multidb/it/properties");

    @Test
    void copiesDifferFromTheOriginalsOnlyInTheirPackage() throws IOException {
        int compared = compare(ORIGINAL, COPY) + compare(ORIGINAL.resolve("model"), COPY.resolve("model"));
        assertThat(compared).as("files compared").isGreaterThan(10);
    }

    private static int compare(Path originals, Path copies) throws IOException {
        int compared = 0;
        try (Stream<Path> files = Files.list(originals)) {
            for (Path original : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (original.getFileName().toString().equals("StatementRoutingPropertyTest.java")) {
                    continue;
                }
                Path copy = copies.resolve(original.getFileName());
                String expected = Files.readString(original)
                        .replace("dev.multidb.properties", "dev.multidb.it.properties");
                assertThat(copy).as("copy of %s", original).exists();
                assertThat(Files.readString(copy)).as("%s, copied from %s", copy, original).isEqualTo(expected);
                compared++;
            }
        }
        return compared;
    }
}
