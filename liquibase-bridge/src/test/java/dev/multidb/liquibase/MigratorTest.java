package dev.multidb.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.MultiDbException;
import dev.multidb.UnknownDatabaseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigratorTest {

    private final String defaultUrl = Databases.h2("default");
    private final String usersUrl = Databases.h2("users");
    private final String emptyUrl = Databases.h2("empty");

    private Map<String, Object> config() {
        Map<String, Object> config = Databases.config("default", defaultUrl, "users", usersUrl, "empty", emptyUrl,
                "replica", defaultUrl);
        config.put("multidb.databases.replica.replica-of", "default");
        config.put("multidb.routers", AuthRouter.class.getName());
        config.put("multidb.apps.services.changelog", "db/services/changelog.xml");
        config.put("multidb.apps.auth.changelog", "db/auth/changelog.xml");
        return config;
    }

    @Test
    void eachAppRunsOnlyWhereAllowMigrateAllowsIt() throws Exception {
        Migrator migrator = Migrator.fromProperties(config());

        MigrationReport onDefault = migrator.migrate("default").throwIfFailed();
        MigrationReport onUsers = migrator.migrate("users").throwIfFailed();

        assertThat(onDefault.appsMigrated()).containsExactly("services");
        assertThat(onDefault.appsNotAllowed()).containsExactly("auth");
        assertThat(onDefault.changeSetsRun()).extracting(ChangeSetId::toString).containsExactly(
                "services/v1/001-tables.xml::1::alice", "services/v1/001-tables.xml::2::alice",
                "services/v1/002-data.xml::3::bob");
        assertThat(Databases.history(defaultUrl)).containsExactly(
                "services/v1/001-tables.xml::1::alice", "services/v1/001-tables.xml::2::alice",
                "services/v1/002-data.xml::3::bob");
        assertThat(Databases.history(usersUrl)).containsExactly("auth/changelog.xml::1::carol");
        assertThat(Databases.hasTable(usersUrl, "service")).isFalse();
        assertThat(Databases.hasTable(defaultUrl, "auth_user")).isFalse();
    }

    @Test
    void anAliasWhereNoAppIsAllowedIsNotTouched() throws Exception {
        MigrationReport report = Migrator.fromProperties(config()).migrate("empty").throwIfFailed();

        assertThat(report.appsMigrated()).isEmpty();
        assertThat(report.appsNotAllowed()).containsExactly("auth", "services");
        assertThat(Databases.hasTable(emptyUrl, "DATABASECHANGELOG")).isFalse();
        assertThat(Databases.hasTable(emptyUrl, "DATABASECHANGELOGLOCK")).isFalse();
    }

    @Test
    void migratingTwiceRunsNothingTheSecondTime() {
        Migrator migrator = Migrator.fromProperties(config());
        migrator.migrate("default").throwIfFailed();

        assertThat(migrator.migrate("default").throwIfFailed().changeSetsRun()).isEmpty();
    }

    @Test
    void replicasAreNeverMigrated() {
        Migrator migrator = Migrator.fromProperties(config());

        assertThat(migrator.aliases()).containsExactly("default", "empty", "users");
        assertThatThrownBy(() -> migrator.migrate("replica"))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("'replica' is a read replica of 'default' (multidb.databases.replica.replica-of): replicas"
                        + " are never migrated. Migrate 'default'; the replica follows it.");
    }

    @Test
    void unknownAliasFailsNamingTheKnownOnes() {
        assertThatThrownBy(() -> Migrator.fromProperties(config()).migrate("nosuch"))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("The database 'nosuch' doesn't exist. Known databases: default, empty, replica, users.");
    }

    @Test
    void migrateAllReportsEveryAliasExceptReplicas() throws Exception {
        Map<String, MigrationReport> reports = Migrator.fromProperties(config()).migrateAll();

        assertThat(reports).containsOnlyKeys("default", "empty", "users");
        assertThat(reports.values()).allMatch(MigrationReport::succeeded);
        assertThat(reports.get("default").changeSetsRun()).hasSize(3);
        assertThat(reports.get("users").changeSetsRun()).hasSize(1);
        assertThat(Databases.history(usersUrl)).containsExactly("auth/changelog.xml::1::carol");
    }

    @Test
    void anUnreachableDatabaseFailsWithoutShowingItsPassword() {
        Map<String, Object> config = Databases.config("default", "jdbc:postgresql://127.0.0.1:1/shop?password=hunter2");
        config.put("multidb.databases.default.username", "shop");
        config.put("multidb.databases.default.password", "s3cret-pw");
        config.put("multidb.apps.services.changelog", "db/services/changelog.xml");

        MigrationReport report = Migrator.fromProperties(config).migrate("default");

        assertThat(report.succeeded()).isFalse();
        assertThat(report.failure().getMessage()).startsWith("Cannot connect to 'default' (jdbc:postgresql://127.0.0.1:1/shop")
                .doesNotContain("hunter2").doesNotContain("s3cret-pw");
        assertThat(Migrator.fromProperties(config).toString()).doesNotContain("hunter2").doesNotContain("s3cret-pw");
    }
}
