package dev.multidb.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.MultiDbException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Status, update SQL, rollback, renamed apps and locks, on H2. */
class TasksTest {

    private final String url = Databases.h2("tasks");

    private Migrator migrator(String... apps) {
        Map<String, Object> config = Databases.config("default", url);
        for (int i = 0; i < apps.length; i += 2) {
            config.put("multidb.apps." + apps[i] + ".changelog", apps[i + 1]);
        }
        return Migrator.fromProperties(config);
    }

    private Migrator services() {
        return migrator("services", "db/services/changelog.xml");
    }

    @Test
    void statusListsPendingChangeSetsWithoutCreatingAnything() throws Exception {
        StatusReport status = services().status("default");

        assertThat(status.pending()).containsOnlyKeys("services");
        assertThat(status.pending().get("services")).extracting(ChangeSetId::toString).containsExactly(
                "services/v1/001-tables.xml::1::alice", "services/v1/001-tables.xml::2::alice",
                "services/v1/002-data.xml::3::bob");
        assertThat(status.isUpToDate()).isFalse();
        assertThat(Databases.hasTable(url, "DATABASECHANGELOG")).isFalse();
        assertThat(Databases.hasTable(url, "DATABASECHANGELOGLOCK")).isFalse();

        services().migrate("default").throwIfFailed();
        assertThat(services().status("default").isUpToDate()).isTrue();
    }

    @Test
    void updateSqlShowsTheScriptAndExecutesNothing() throws Exception {
        SqlReport sql = services().updateSql("default");

        assertThat(sql.sql())
                .contains("-- app services (classpath:db/services/changelog.xml): 3 changesets")
                .contains("CREATE TABLE PUBLIC.service")
                .contains("INSERT INTO PUBLIC.DATABASECHANGELOG")
                .contains("'services/v1/002-data.xml'");
        assertThat(Databases.hasTable(url, "service")).isFalse();
        assertThat(Databases.hasTable(url, "DATABASECHANGELOG")).isFalse();
    }

    @Test
    void updateSqlOfAnUpToDateAliasIsEmpty() {
        services().migrate("default").throwIfFailed();

        assertThat(services().updateSql("default").sql()).isEmpty();
    }

    @Test
    void rollbackUndoesTheLastChangeSetsOfOneApp() throws Exception {
        Migrator migrator = migrator("services", "db/services/changelog.xml", "billing", "db/billing/changelog.xml");
        migrator.migrate("default").throwIfFailed();

        RollbackReport report = migrator.rollback("default", "services", 2).throwIfFailed();

        assertThat(report.rolledBack()).extracting(ChangeSetId::toString).containsExactly(
                "services/v1/002-data.xml::3::bob", "services/v1/001-tables.xml::2::alice");
        assertThat(Databases.history(url)).containsExactlyInAnyOrder("billing/tables.xml::1::dave",
                "billing/more/001-sql.xml::2::dave", "services/v1/001-tables.xml::1::alice");
        assertThat(migrator.status("default").pending().get("services")).hasSize(2);
    }

    @Test
    void rollbackOfAnUnknownAppSuggestsTheClosest() {
        assertThatThrownBy(() -> services().rollback("default", "servics", 1))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("The app 'servics' has no changelog (multidb.apps.servics.changelog). Did you mean"
                        + " 'services'? Apps with a changelog: services.");
    }

    @Test
    void renamedAppAdoptsItsFormerHistoryWithoutRunningAnything() throws Exception {
        services().migrate("default").throwIfFailed();
        Map<String, Object> config = Databases.config("default", url);
        config.put("multidb.apps.ingress.changelog", "db/services/changelog.xml");
        config.put("multidb.apps.ingress.formerly", "services");
        Migrator renamed = Migrator.fromProperties(config);

        StatusReport before = renamed.status("default");
        MigrationReport report = renamed.migrate("default").throwIfFailed();
        MigrationReport again = renamed.migrate("default").throwIfFailed();

        assertThat(before.pending().get("ingress")).isEmpty();
        assertThat(before.pendingAdoptions()).containsExactly(new Adoption("ingress", "services", 3));
        assertThat(report.changeSetsRun()).isEmpty();
        assertThat(report.adoptions()).containsExactly(new Adoption("ingress", "services", 3));
        assertThat(again.adoptions()).isEmpty();
        assertThat(Databases.history(url)).containsExactly("ingress/v1/001-tables.xml::1::alice",
                "ingress/v1/001-tables.xml::2::alice", "ingress/v1/002-data.xml::3::bob");
        assertThat(Databases.hasTable(url, "MULTIDB_APP_HISTORY")).isTrue();
        assertThat(renamed.status("default").isUpToDate()).isTrue();
    }

    @Test
    void renamedAppOnAnAliasWhereTheOldNameNeverRanRunsItsChangeSets() throws Exception {
        Map<String, Object> config = Databases.config("default", url);
        config.put("multidb.apps.ingress.changelog", "db/services/changelog.xml");
        config.put("multidb.apps.ingress.formerly", "services");

        MigrationReport report = Migrator.fromProperties(config).migrate("default").throwIfFailed();

        assertThat(report.changeSetsRun()).hasSize(3);
        assertThat(report.adoptions()).isEmpty();
        assertThat(Databases.hasTable(url, "MULTIDB_APP_HISTORY")).isFalse();
    }

    @Test
    void twoAppsClaimingTheSameNameFailNamingBoth() {
        Map<String, Object> config = Databases.config("default", url);
        config.put("multidb.apps.services.changelog", "db/services/changelog.xml");
        config.put("multidb.apps.ingress.changelog", "db/billing/changelog.xml");
        config.put("multidb.apps.ingress.formerly", "services");

        assertThatThrownBy(() -> Migrator.fromProperties(config))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("The apps 'services' and 'ingress' both declare the name 'services':"
                        + " 'multidb.apps.ingress.formerly=services' adopts the migration history of 'services', which"
                        + " is still a configured app. Their histories could not be told apart. Rename the other app as"
                        + " well, or remove 'multidb.apps.ingress.formerly'.");
    }

    @Test
    void aHeldLockFailsNamingItsHolderAndTheWayToReleaseIt() throws Exception {
        services().migrate("default").throwIfFailed();
        Databases.execute(url, "sa", "", "UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE,"
                + " LOCKEDBY = 'build-7 (10.0.0.7)', LOCKGRANTED = TIMESTAMP '2025-01-31 10:15:00'");
        String since = Timestamp.valueOf("2025-01-31 10:15:00").toInstant().toString();
        Migrator migrator = migrator("services", "db/services/changelog.xml", "billing", "db/billing/changelog.xml");

        MigrationReport report = migrator.migrate("default");

        assertThat(report.succeeded()).isFalse();
        assertThat(report.failure()).hasMessage("Cannot migrate 'default': its Liquibase lock is held by"
                + " 'build-7 (10.0.0.7)' since " + since + ". If that process is still migrating, wait for it to"
                + " finish; if it is gone, release the lock with: multidb release-locks --database default"
                + " (or Migrator.releaseLocks(\"default\")).");
        assertThat(Databases.history(url)).hasSize(3);

        assertThat(migrator.releaseLocks("default")).map(LockHolder::lockedBy).contains("build-7 (10.0.0.7)");
        assertThat(migrator.migrate("default").throwIfFailed().changeSetsRun()).hasSize(2);
        assertThat(migrator.releaseLocks("default")).isEmpty();
    }

    @Test
    void releasingLocksOfAnUntouchedAliasCreatesNothing() throws Exception {
        assertThat(services().releaseLocks("default")).isEmpty();
        assertThat(Databases.hasTable(url, "DATABASECHANGELOGLOCK")).isFalse();
    }

    @Test
    void aFailingChangeSetIsReportedWithTheChangeSetsBeforeIt() throws Exception {
        Databases.execute(url, "sa", "", "CREATE TABLE invoice_line (id INT)");
        Migrator migrator = migrator("billing", "db/billing/changelog.xml");

        MigrationReport report = migrator.migrate("default");

        assertThat(report.succeeded()).isFalse();
        assertThat(report.changeSetsRun()).extracting(ChangeSetId::toString)
                .containsExactly("billing/tables.xml::1::dave");
        assertThat(report.failure().getMessage()).startsWith("Migrating 'default' failed: Migration failed for"
                + " changeset billing/more/001-sql.xml::2::dave");
        assertThat(Databases.history(url)).containsExactly("billing/tables.xml::1::dave");
        assertThatThrownBy(report::throwIfFailed).isSameAs(report.failure());
        assertThat(List.of(report.alias())).containsExactly("default");
    }
}
