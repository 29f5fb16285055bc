package dev.multidb.internal.config;

import static dev.multidb.internal.config.Settings.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.MultiDbException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The password {@value #PW} is configured as a password, inside URLs and in odd places; it must never show. */
class PasswordLeakTest {

    private static final String PW = "s3cr3t-PW";
    private static final String H2_WITH_PW = "jdbc:h2:mem:x;password=" + PW;
    private static final String PG_WITH_PW = "jdbc:postgresql://u:" + PW + "@h/db";

    /** Valid settings holding the password three ways, plus the keys that make one error each. */
    private static Object[] withPassword(Object... extra) {
        List<Object> keysAndValues = new ArrayList<>(List.of(
                "multidb.databases.default.url", H2_WITH_PW,
                "multidb.databases.default.password", PW,
                "multidb.databases.pg.url", PG_WITH_PW));
        keysAndValues.addAll(List.of(extra));
        return keysAndValues.toArray();
    }

    @Test
    void settingsAndDatabaseSettingsNeverPrintThePassword() {
        MultiDbSettings settings = parse(withPassword());

        assertThat(settings.toString()).doesNotContain(PW)
                .isEqualTo("MultiDbSettings[databases={default=jdbc:h2:mem:x;password=****,"
                        + " pg=jdbc:postgresql://u:****@h/db}, routers=[], apps=[]]");
        assertThat(settings.database("default").toString()).doesNotContain(PW)
                .isEqualTo("DatabaseSettings[alias=default, url=jdbc:h2:mem:x;password=****, username=null,"
                        + " password=****, dialect=null, hikari={}, replicaOf=null, readYourWrites=PT2S]");
        assertThat(settings.database("pg").toString()).doesNotContain(PW);
        assertThat(settings.databases().toString()).doesNotContain(PW);
        assertThat(settings.secretValues()).containsExactly(PW);
    }

    @Test
    void urlErrorMasksThePasswordInTheUrl() {
        assertThatThrownBy(() -> parse("multidb.databases.x.url", "postgres://u:" + PW + "@h/db"))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("Invalid value 'postgres://u:****@h/db' for 'multidb.databases.x.url': a JDBC URL starts"
                        + " with 'jdbc:'. Use a JDBC URL, for example jdbc:postgresql://localhost:5432/x.");
    }

    @Test
    void passwordWrittenIntoAnotherKeyIsRedactedFromItsError() {
        assertThatThrownBy(() -> parse(withPassword("multidb.databases.default.hikari.maximumPoolSize", PW)))
                .hasMessage("Invalid value '****' for 'multidb.databases.default.hikari.maximumPoolSize':"
                        + " HikariCP expects an int (HikariConfig.setMaximumPoolSize(int)). Use a whole number, for"
                        + " example 10.");
        assertThatThrownBy(() -> parse(withPassword("multidb.databases.pg.read-your-writes", PW)))
                .hasMessageStartingWith("Invalid value '****' for 'multidb.databases.pg.read-your-writes': not a"
                        + " duration.");
        assertThatThrownBy(() -> parse(withPassword("multidb.routers", PW)))
                .hasMessageStartingWith("Cannot load router class '****' listed in 'multidb.routers':");
    }

    @Test
    void passwordFromTheUrlAloneIsRedactedToo() {
        assertThatThrownBy(() -> parse("multidb.databases.pg.url", PG_WITH_PW, "multidb.databases.pg.dialect", " ",
                "multidb.databases.pg.username", PW, "multidb.databases.pg.replica-of", PW))
                .hasMessage("The value of 'multidb.databases.pg.dialect' is blank. Remove the key to let Hibernate"
                        + " detect the dialect, or set a dialect class such as org.hibernate.dialect.PostgreSQLDialect.");
        assertThatThrownBy(() -> parse("multidb.databases.pg.url", PG_WITH_PW, "multidb.databases.pg.replica-of", PW))
                .hasMessageNotContaining(PW)
                .hasMessage("Invalid value '****' for 'multidb.databases.pg.replica-of'. The database '****' doesn't"
                        + " exist. Known databases: pg. Set it to the alias of the primary database.");
    }

    @Test
    void noErrorShowsThePassword() {
        List<Object[]> mistakes = List.of(
                withPassword("multidb.databases.default.usernme", "sa"),
                withPassword("multidb.databases.other.password", PW),
                withPassword("multidb.databases.default.hikari.password", PW),
                withPassword("multidb.databases.default.hikari.autoCommit", PW),
                withPassword("multidb.databases.default.replica-of", "nosuch"),
                withPassword("multidb.databases.default.dialect", ""),
                withPassword("multidb.databases.default.read-your-writes", "-1s"),
                withPassword("multidb.routers", List.of(PW, 1)),
                withPassword("multidb.apps.auth.formerly", "auth"),
                new Object[] {"multidb.databases.default.url", "jdbc:h2:mem:x", "multidb.databases.default.password",
                        PW + "${oops}"});

        for (Object[] mistake : mistakes) {
            assertThatThrownBy(() -> parse(mistake)).isInstanceOf(MultiDbException.class)
                    .hasMessageNotContaining(PW).hasMessageNotContaining("s3cr3t");
        }
    }

    @Test
    void passwordFromTheEnvironmentIsRedactedOnceRead() {
        assertThatThrownBy(() -> Settings.parseWith(Map.of("PW", PW), "multidb.databases.default.url", "jdbc:h2:mem:x",
                "multidb.databases.default.password", "${env:PW}", "multidb.databases.default.replica-of", PW))
                .hasMessageNotContaining(PW);
    }
}
