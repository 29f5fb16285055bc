package dev.multidb.internal.config;

import static dev.multidb.internal.config.Settings.parse;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.MultiDbException;
import org.junit.jupiter.api.Test;

class AppValidationTest {

    private static final String URL = "multidb.databases.default.url";
    private static final String H2 = "jdbc:h2:mem:a";

    @Test
    void blankChangelogFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.apps.auth.changelog", " "))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("The value of 'multidb.apps.auth.changelog' is blank. Set it to the app's Liquibase"
                        + " changelog, for example db/changelog/auth.xml, or remove the key.");
    }

    @Test
    void formerlyItsOwnNameFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.apps.auth.formerly", "auth"))
                .hasMessage("Invalid value 'auth' for 'multidb.apps.auth.formerly': an app cannot formerly have had"
                        + " its own name. Set it to the app's previous name, or remove the key.");
    }

    @Test
    void twoAppsWithTheSameFormerNameFailNamingBoth() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.apps.members.formerly", "auth",
                "multidb.apps.accounts.formerly", "auth"))
                .hasMessage("The apps 'accounts' and 'members' both say they were formerly 'auth'"
                        + " ('multidb.apps.accounts.formerly' and 'multidb.apps.members.formerly')."
                        + " Only one app can adopt the migration history of 'auth': remove one of the two keys.");
    }

    @Test
    void blankFormerlyFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.apps.auth.formerly", ""))
                .hasMessage("The value of 'multidb.apps.auth.formerly' is blank. Set it to the app's previous name,"
                        + " or remove the key.");
    }

    @Test
    void malformedPackageFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.apps.auth.packages", "com.acme.auth, com..acme"))
                .hasMessage("Invalid package 'com..acme' in 'multidb.apps.auth.packages': not a Java package name."
                        + " List package names separated by commas, for example com.acme.auth, com.acme.security.");
    }

    @Test
    void emptyPackageListFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.apps.auth.packages", " , "))
                .hasMessage("The value of 'multidb.apps.auth.packages' is blank. List the app's packages separated by"
                        + " commas, for example com.acme.auth, or remove the key.");
    }

    @Test
    void packageClaimedByTwoAppsFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.apps.auth.packages", "com.acme.auth",
                "multidb.apps.users.packages", "com.acme.users, com.acme.auth"))
                .hasMessage("Package 'com.acme.auth' is listed in both 'multidb.apps.auth.packages' and"
                        + " 'multidb.apps.users.packages'. An entity belongs to one app: remove the package from one"
                        + " of the two keys.");
    }
}
