package dev.multidb.internal.config;

import static dev.multidb.internal.config.Settings.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.UnknownDatabaseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiDbSettingsTest {

    @Test
    void apiExampleParsesIntoSortedImmutableSettings() {
        MultiDbSettings settings = MultiDbSettings.parse(Map.of(
                "multidb.databases.default.url", "jdbc:postgresql://db1/shop",
                "multidb.databases.default.username", "shop",
                "multidb.databases.default.password", "${env:SHOP_DB_PASSWORD}",
                "multidb.databases.users.url", "jdbc:mariadb://db2/users",
                "multidb.databases.replica1.url", "jdbc:postgresql://db1-replica/shop",
                "multidb.databases.replica1.replica-of", "default",
                "multidb.databases.default.hikari.maximumPoolSize", "20",
                "hibernate.show_sql", "true"),
                getClass().getClassLoader(), Map.of("SHOP_DB_PASSWORD", "pw")::get);

        assertThat(settings.aliases()).containsExactly("default", "replica1", "users");
        assertThat(settings.databases()).extracting(DatabaseSettings::alias).containsExactly("default", "replica1", "users");
        assertThat(settings.database("default")).isEqualTo(new DatabaseSettings("default", "jdbc:postgresql://db1/shop",
                "shop", Secret.of("pw"), null, Map.of("maximumPoolSize", "20"), null, Duration.ofSeconds(2)));
        assertThat(settings.database("replica1").replicaOf()).isEqualTo("default");
        assertThat(settings.isReplica("replica1")).isTrue();
        assertThat(settings.isReplica("default")).isFalse();
        assertThat(settings.replicasOf("default")).containsExactly("replica1");
        assertThat(settings.replicasOf("users")).isEmpty();
        assertThat(settings.routers()).isEmpty();
        assertThat(settings.apps()).isEmpty();
        assertThatThrownBy(() -> settings.aliases().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.database("default").hikari().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void defaultWithoutAnyKeyIsSimplyNotConfigured() {
        MultiDbSettings settings = parse("multidb.databases.users.url", "jdbc:h2:mem:users");

        assertThat(settings.aliases()).containsExactly("users");
        assertThat(settings.contains("default")).isFalse();
    }

    @Test
    void unknownAliasFailsWithTheStandardMessage() {
        MultiDbSettings settings = parse("multidb.databases.default.url", "jdbc:h2:mem:a",
                "multidb.databases.other.url", "jdbc:h2:mem:b");

        assertThatThrownBy(() -> settings.database("nosuch"))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("The database 'nosuch' doesn't exist. Known databases: default, other.");
        assertThatThrownBy(() -> settings.isReplica("nosuch")).isInstanceOf(UnknownDatabaseException.class);
        assertThatThrownBy(() -> settings.replicasOf("nosuch")).isInstanceOf(UnknownDatabaseException.class);
    }

    @Test
    void replicasOfArePrimaryOnlyAndSorted() {
        MultiDbSettings settings = parse("multidb.databases.default.url", "jdbc:h2:mem:a",
                "multidb.databases.r2.url", "jdbc:h2:mem:r2", "multidb.databases.r2.replica-of", "default",
                "multidb.databases.r1.url", "jdbc:h2:mem:r1", "multidb.databases.r1.replica-of", " default ");

        assertThat(settings.replicasOf("default")).containsExactly("r1", "r2");
        assertThat(settings.replicasOf("r1")).isEmpty();
    }

    @Test
    void valuesAreConvertedAndOptionalOnesStayNull() {
        MultiDbSettings settings = parse("multidb.databases.default.url", " jdbc:h2:mem:a ",
                "multidb.databases.default.dialect", "org.hibernate.dialect.H2Dialect",
                "multidb.databases.default.read-your-writes", "250ms",
                "multidb.databases.default.hikari.autoCommit", " FALSE ",
                "multidb.databases.default.hikari.poolName", "main pool",
                "multidb.databases.default.hikari.dataSource.cachePrepStmts", "true",
                "multidb.databases.default.hikari.connectionTimeout", 30000L);

        DatabaseSettings database = settings.database("default");
        assertThat(database.url()).isEqualTo("jdbc:h2:mem:a");
        assertThat(database.username()).isNull();
        assertThat(database.password()).isNull();
        assertThat(database.dialect()).isEqualTo("org.hibernate.dialect.H2Dialect");
        assertThat(database.readYourWrites()).isEqualTo(Duration.ofMillis(250));
        assertThat(database.hikari()).containsExactly(Map.entry("autoCommit", "FALSE"),
                Map.entry("connectionTimeout", "30000"), Map.entry("dataSource.cachePrepStmts", "true"),
                Map.entry("poolName", "main pool"));
    }

    @Test
    void readYourWritesAcceptsTheDocumentedForms() {
        assertThat(readYourWrites("0")).isEqualTo(Duration.ZERO);
        assertThat(readYourWrites("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(readYourWrites("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(readYourWrites("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(readYourWrites("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(readYourWrites(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }

    private static Duration readYourWrites(Object value) {
        return parse("multidb.databases.default.url", "jdbc:h2:mem:a",
                "multidb.databases.default.read-your-writes", value).database("default").readYourWrites();
    }

    @Test
    void appsAreParsedAndSorted() {
        MultiDbSettings settings = parse("multidb.databases.default.url", "jdbc:h2:mem:a",
                "multidb.apps.shop.changelog", "db/shop.xml",
                "multidb.apps.accounts.packages", "com.acme.auth, ,com.acme.security",
                "multidb.apps.accounts.formerly", "auth");

        assertThat(settings.apps()).containsOnlyKeys("accounts", "shop");
        assertThat(List.copyOf(settings.apps().keySet())).containsExactly("accounts", "shop");
        assertThat(settings.apps().get("accounts"))
                .isEqualTo(new AppSettings("accounts", null, List.of("com.acme.auth", "com.acme.security"), "auth"));
        assertThat(settings.apps().get("shop")).isEqualTo(new AppSettings("shop", "db/shop.xml", List.of(), null));
    }

    @Test
    void toStringListsAliasesWithMaskedUrls() {
        MultiDbSettings settings = parse("multidb.databases.default.url", "jdbc:postgresql://u:pw@db1/shop",
                "multidb.databases.default.password", "pw",
                "multidb.databases.replica1.url", "jdbc:h2:mem:r", "multidb.databases.replica1.replica-of", "default",
                "multidb.routers", new TestRouters.NeutralRouter(),
                "multidb.apps.shop.changelog", "db/shop.xml");

        assertThat(settings).hasToString("MultiDbSettings[databases={default=jdbc:postgresql://u:****@db1/shop,"
                + " replica1=jdbc:h2:mem:r (replica of default)},"
                + " routers=[dev.multidb.internal.config.TestRouters$NeutralRouter], apps=[shop]]");
        assertThat(settings.database("default")).hasToString("DatabaseSettings[alias=default,"
                + " url=jdbc:postgresql://u:****@db1/shop, username=null, password=****, dialect=null, hikari={},"
                + " replicaOf=null, readYourWrites=PT2S]");
        assertThat(settings.secretValues()).containsExactly("pw");
    }

    @Test
    void theStandardJdbcKeysConfigureTheAliasDefault() {
        MultiDbSettings settings = MultiDbSettings.parse(Settings.props("jakarta.persistence.jdbc.url", "jdbc:h2:mem:b",
                "jakarta.persistence.jdbc.user", "sa", "jakarta.persistence.jdbc.password", "pw",
                "multidb.databases.other.url", "jdbc:h2:mem:c"), null);

        assertThat(settings.aliases()).containsExactlyInAnyOrder("default", "other");
        assertThat(settings.database("default").url()).isEqualTo("jdbc:h2:mem:b");
        assertThat(settings.secretValues()).containsExactly("pw");
    }

    @Test
    void otherKeysAreIgnored() {
        Map<String, Object> properties = Settings.props("multidb.databases.default.url", "jdbc:h2:mem:a",
                "multidbx.anything", "x", "hibernate.show_sql", "true");

        assertThat(MultiDbSettings.parse(properties, null).aliases()).containsExactly("default");
    }
}
