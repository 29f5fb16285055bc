package dev.multidb.internal.config;

import static dev.multidb.internal.config.Settings.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.MultiDbException;
import org.junit.jupiter.api.Test;

class HikariSettingsTest {

    private static final String URL = "multidb.databases.default.url";
    private static final String H2 = "jdbc:h2:mem:a";

    @Test
    void unknownPoolPropertyFailsNamingTheClosestOne() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.hikari.maximumPoolSiz", "5"))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("Unknown configuration key 'multidb.databases.default.hikari.maximumPoolSiz'."
                        + " 'maximumPoolSiz' is not a HikariCP setting."
                        + " Did you mean 'multidb.databases.default.hikari.maximumPoolSize'?");
    }

    @Test
    void unknownPoolPropertyWithNothingCloseListsHikariProperties() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.hikari.metricRegistry", "x"))
                .hasMessage("Unknown configuration key 'multidb.databases.default.hikari.metricRegistry'."
                        + " 'metricRegistry' is not a HikariCP setting. Use one of: allowPoolSuspension, autoCommit,"
                        + " catalog, connectionInitSql, connectionTestQuery, connectionTimeout,"
                        + " credentialsProviderClassName, dataSourceClassName, dataSourceJNDI, driverClassName,"
                        + " exceptionOverrideClassName, idleTimeout, initializationFailTimeout, isolateInternalQueries,"
                        + " keepaliveTime, leakDetectionThreshold, maxLifetime, maximumPoolSize, minimumIdle,"
                        + " poolName, readOnly, registerMbeans, schema, transactionIsolation, validationTimeout,"
                        + " or dataSource.<driver property>.");
    }

    @Test
    void poolPropertiesThatTheAliasKeysSetAreRefused() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.hikari.jdbcUrl", "jdbc:h2:mem:b"))
                .hasMessage("Configuration key 'multidb.databases.default.hikari.jdbcUrl' is not allowed: the pool's"
                        + " jdbcUrl comes from 'multidb.databases.default.url'."
                        + " Set 'multidb.databases.default.url' instead.");
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.hikari.password", "s3cr3t-PW"))
                .hasMessage("Configuration key 'multidb.databases.default.hikari.password' is not allowed: the"
                        + " pool's password comes from 'multidb.databases.default.password'."
                        + " Set 'multidb.databases.default.password' instead.");
    }

    @Test
    void intPropertyRejectsText() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.hikari.maximumPoolSize", "twenty"))
                .hasMessage("Invalid value 'twenty' for 'multidb.databases.default.hikari.maximumPoolSize':"
                        + " HikariCP expects an int (HikariConfig.setMaximumPoolSize(int))."
                        + " Use a whole number, for example 10.");
    }

    @Test
    void longPropertyRejectsAUnit() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.hikari.connectionTimeout", "30s"))
                .hasMessage("Invalid value '30s' for 'multidb.databases.default.hikari.connectionTimeout':"
                        + " HikariCP expects a long (HikariConfig.setConnectionTimeout(long))."
                        + " Use a whole number, for example 30000.");
    }

    @Test
    void booleanPropertyAcceptsOnlyTrueOrFalse() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.hikari.autoCommit", "yes"))
                .hasMessage("Invalid value 'yes' for 'multidb.databases.default.hikari.autoCommit':"
                        + " HikariCP expects a boolean (HikariConfig.setAutoCommit(boolean)). Use true or false.");
    }

    @Test
    void valueOutsideHikariRangeFailsWithHikariReason() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.databases.default.hikari.maximumPoolSize", "0"))
                .hasMessage("Invalid value '0' for 'multidb.databases.default.hikari.maximumPoolSize':"
                        + " HikariCP rejects it (maxPoolSize cannot be less than 1). Choose a value that HikariCP accepts.");
    }

    @Test
    void textPropertiesAndDriverPropertiesAreKeptAsGiven() {
        DatabaseSettings database = parse(URL, H2,
                "multidb.databases.default.hikari.connectionInitSql", "set search_path to shop",
                "multidb.databases.default.hikari.dataSource.prepStmtCacheSize", "250").database("default");

        assertThat(database.hikari()).containsEntry("connectionInitSql", "set search_path to shop")
                .containsEntry("dataSource.prepStmtCacheSize", "250");
    }

    @Test
    void driverPasswordPropertyIsMaskedInToString() {
        DatabaseSettings database = parse(URL, H2, "multidb.databases.default.hikari.dataSource.password", "s3cr3t-PW")
                .database("default");

        assertThat(database.toString()).doesNotContain("s3cr3t-PW").contains("hikari={dataSource.password=****}");
        assertThat(database.secretValues()).containsExactly("s3cr3t-PW");
    }
}
