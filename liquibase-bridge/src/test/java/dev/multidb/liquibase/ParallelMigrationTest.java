package dev.multidb.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase keeps JVM-wide registries and a per-thread scope: many aliases migrated at once, several
 * apps each (parsing, locks, history, SQL generation all in parallel), must not disturb each other.
 */
class ParallelMigrationTest {

    private static final int ALIASES = 6;
    private static final int CHANGESETS = 20;

    @TempDir
    Path temp;

    @RepeatedTest(2)
    void manyAliasesMigratedAtOnceEachGetExactlyTheirHistory() throws Exception {
        Path generated = temp.resolve("generated/changelog.xml");
        Files.createDirectories(generated.getParent());
        StringBuilder xml = new StringBuilder("""
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                    http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                """);
        for (int i = 1; i <= CHANGESETS; i++) {
            xml.append("<changeSet id=\"").append(i).append("\" author=\"gen\"><createTable tableName=\"gen_").append(i)
                    .append("\"><column name=\"id\" type=\"int\"/></createTable></changeSet>\n");
        }
        Files.writeString(generated, xml.append("</databaseChangeLog>\n"));
        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (int i = 1; i <= ALIASES; i++) {
            String url = Databases.h2("parallel" + i);
            urls.put("a" + i, url);
            config.putAll(Databases.config("a" + i, url));
        }
        config.put("multidb.apps.generated.changelog", generated.toString());
        config.put("multidb.apps.services.changelog", "db/services/changelog.xml");
        config.put("multidb.apps.billing.changelog", "db/billing/changelog.xml");

        Map<String, MigrationReport> reports = Migrator.fromProperties(config).migrateAll();

        assertThat(reports).hasSize(ALIASES);
        for (MigrationReport report : reports.values()) {
            assertThat(report.failure()).isNull();
            assertThat(report.changeSetsRun()).hasSize(CHANGESETS + 5);
            assertThat(Databases.history(urls.get(report.alias()))).hasSize(CHANGESETS + 5)
                    .filteredOn(row -> row.startsWith("generated/")).hasSize(CHANGESETS);
        }
        assertThat(Migrator.fromProperties(config).migrateAll().values())
                .allMatch(report -> report.succeeded() && report.changeSetsRun().isEmpty());
    }
}
