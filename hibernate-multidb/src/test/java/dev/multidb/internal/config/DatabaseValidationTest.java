package dev.multidb.internal.config;

import static dev.multidb.internal.config.Settings.parse;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.MultiDbException;
import dev.multidb.UnknownDatabaseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseValidationTest {

    private static final String URL = "multidb.databases.default.url";
    private static final String H2 = "jdbc:h2:mem:a";
    private static final String DURATION_FORMS =
            "Use 0 (off), a whole number with ms, s or m (250ms, 2s, 1m), or ISO-8601 (PT2S).";

    @Test
    void aliasWithSettingsButNoUrlFailsNamingTheUrlKey() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.users.username", "app",
                "multidb.databases.users.hikari.maximumPoolSize", "5"))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("The database 'users' has settings (hikari.maximumPoolSize, username) but no URL."
                        + " Set 'multidb.databases.users.url' to its JDBC URL, for example"
                        + " jdbc:postgresql://localhost:5432/users, or remove the other 'multidb.databases.users.*' keys.");
    }

    @Test
    void defaultWithOtherKeysButNoUrlStillFails() {
        assertThatThrownBy(() -> parse("multidb.databases.users.url", H2, "multidb.databases.default.username", "sa"))
                .hasMessage("The database 'default' has settings (username) but no URL."
                        + " Set 'multidb.databases.default.url' to its JDBC URL, for example"
                        + " jdbc:postgresql://localhost:5432/default, or remove the other 'multidb.databases.default.*' keys.");
    }

    @Test
    void noDatabaseAtAllFailsWithAnExample() {
        assertThatThrownBy(() -> parse("hibernate.show_sql", "true"))
                .hasMessage("No database is configured. Set at least one 'multidb.databases.<alias>.url', for example"
                        + " multidb.databases.default.url=jdbc:postgresql://localhost:5432/app.");
    }

    @Test
    void blankUrlFails() {
        assertThatThrownBy(() -> parse(URL, "  "))
                .hasMessage("The value of 'multidb.databases.default.url' is blank. Set it to the JDBC URL of the"
                        + " database 'default', for example jdbc:postgresql://localhost:5432/default.");
    }

    @Test
    void urlThatIsNotJdbcFails() {
        assertThatThrownBy(() -> parse(URL, "postgres://u:pw@db/shop"))
                .hasMessage("Invalid value 'postgres://u:****@db/shop' for 'multidb.databases.default.url': a JDBC URL"
                        + " starts with 'jdbc:'. Use a JDBC URL, for example jdbc:postgresql://localhost:5432/default.");
    }

    @Test
    void nullOrNonTextValueFails() {
        Map<String, Object> properties = Settings.props(URL, null);
        assertThatThrownBy(() -> MultiDbSettings.parse(properties, null))
                .hasMessage("The value of 'multidb.databases.default.url' is null. Give it a value, or remove the key.");
        assertThatThrownBy(() -> parse(URL, List.of(H2)))
                .hasMessage("Invalid value for 'multidb.databases.default.url': expected text but got"
                        + " java.util.ImmutableCollections$List12. Give the value as a String.");
    }

    @Test
    void blankDialectFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.dialect", " "))
                .hasMessage("The value of 'multidb.databases.default.dialect' is blank. Remove the key to let"
                        + " Hibernate detect the dialect, or set a dialect class such as"
                        + " org.hibernate.dialect.PostgreSQLDialect.");
    }

    @Test
    void replicaOfUnknownAliasFailsWithTheStandardMessage() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.replica1.url", H2,
                "multidb.databases.replica1.replica-of", "defualt"))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("Invalid value 'defualt' for 'multidb.databases.replica1.replica-of'."
                        + " The database 'defualt' doesn't exist. Known databases: default, replica1."
                        + " Did you mean 'default'?");
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.replica1.url", H2,
                "multidb.databases.replica1.replica-of", "primary"))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessage("Invalid value 'primary' for 'multidb.databases.replica1.replica-of'."
                        + " The database 'primary' doesn't exist. Known databases: default, replica1."
                        + " Set it to the alias of the primary database.");
    }

    @Test
    void replicaOfItselfFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.replica-of", "default"))
                .hasMessage("Invalid value 'default' for 'multidb.databases.default.replica-of': a database cannot be"
                        + " a replica of itself. Set it to the alias of the primary database, or remove the key.");
    }

    @Test
    void replicaOfAReplicaFailsNamingThePrimary() {
        assertThatThrownBy(() -> parse(URL, H2,
                "multidb.databases.r1.url", H2, "multidb.databases.r1.replica-of", "default",
                "multidb.databases.r2.url", H2, "multidb.databases.r2.replica-of", "r1"))
                .hasMessage("Invalid value 'r1' for 'multidb.databases.r2.replica-of': 'r1' is itself a replica (of"
                        + " 'default'), and a replica cannot have replicas. Set 'multidb.databases.r2.replica-of' to"
                        + " 'default' instead.");
    }

    @Test
    void blankOrMalformedReplicaOfFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.replica-of", ""))
                .hasMessage("The value of 'multidb.databases.default.replica-of' is blank. Set it to the alias of the"
                        + " primary database, or remove the key.");
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.r.url", H2, "multidb.databases.r.replica-of", "a b"))
                .hasMessage("Invalid value 'a b' for 'multidb.databases.r.replica-of': not a valid name. A name starts"
                        + " with a letter or '_' and goes on with letters, digits, '_' or '-'. Set it to the alias of"
                        + " the primary database.");
    }

    @Test
    void readYourWritesRejectsOtherForms() {
        assertThatThrownBy(() -> readYourWrites("2 seconds"))
                .hasMessage("Invalid value '2 seconds' for 'multidb.databases.default.read-your-writes': not a"
                        + " duration. " + DURATION_FORMS);
        assertThatThrownBy(() -> readYourWrites("1.5s"))
                .hasMessage("Invalid value '1.5s' for 'multidb.databases.default.read-your-writes': not a"
                        + " duration. " + DURATION_FORMS);
        assertThatThrownBy(() -> readYourWrites("2S"))
                .hasMessage("Invalid value '2S' for 'multidb.databases.default.read-your-writes': not a"
                        + " duration. " + DURATION_FORMS);
    }

    @Test
    void readYourWritesRejectsNegativeDurations() {
        assertThatThrownBy(() -> readYourWrites("-2s"))
                .hasMessage("Invalid value '-2s' for 'multidb.databases.default.read-your-writes': a duration"
                        + " cannot be negative. " + DURATION_FORMS);
        assertThatThrownBy(() -> readYourWrites("PT-2S"))
                .hasMessage("Invalid value 'PT-2S' for 'multidb.databases.default.read-your-writes': a duration"
                        + " cannot be negative. " + DURATION_FORMS);
        assertThatThrownBy(() -> readYourWrites(Duration.ofSeconds(-1)))
                .hasMessage("Invalid value 'PT-1S' for 'multidb.databases.default.read-your-writes': a duration"
                        + " cannot be negative. " + DURATION_FORMS);
    }

    private static MultiDbSettings readYourWrites(Object value) {
        return parse(URL, H2, "multidb.databases.default.read-your-writes", value);
    }
}
