package dev.multidb.internal.config;

import static dev.multidb.internal.config.Settings.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.MultiDbException;
import org.junit.jupiter.api.Test;

class UnknownKeyTest {

    private static final String URL = "multidb.databases.default.url";
    private static final String VALID_KEYS = "Valid keys are multidb.databases.<alias>.url, .username, .password,"
            + " .dialect, .hikari.<property>, .replica-of, .read-your-writes, .network-timeout, .lock-timeout,"
            + " multidb.routers and multidb.apps.<app>.changelog, .packages, .formerly.";

    @Test
    void unknownKeyFailsNamingTheClosestKey() {
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:a", "multidb.databases.default.usernme", "sa"))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("Unknown configuration key 'multidb.databases.default.usernme'."
                        + " Did you mean 'multidb.databases.default.username'?");
    }

    @Test
    void suggestionKeepsTheAliasTheUserWrote() {
        assertThatThrownBy(() -> parse("multidb.databases.users.replica_of", "default"))
                .hasMessage("Unknown configuration key 'multidb.databases.users.replica_of'."
                        + " Did you mean 'multidb.databases.users.replica-of'?");
    }

    @Test
    void misspelledTopLevelSegmentIsCorrected() {
        assertThatThrownBy(() -> parse("multidb.databse.default.url", "jdbc:h2:mem:a"))
                .hasMessage("Unknown configuration key 'multidb.databse.default.url'."
                        + " Did you mean 'multidb.databases.default.url'?");
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:a", "multidb.router", "com.acme.AuthRouter"))
                .hasMessage("Unknown configuration key 'multidb.router'. Did you mean 'multidb.routers'?");
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:a", "multidb.app.auth.changelog", "x.xml"))
                .hasMessage("Unknown configuration key 'multidb.app.auth.changelog'."
                        + " Did you mean 'multidb.apps.auth.changelog'?");
    }

    @Test
    void everyMisspelledSegmentIsCorrectedAtOnce() {
        assertThatThrownBy(() -> parse("multidb.databse.default.hikary.maximumPoolSize", "5"))
                .hasMessage("Unknown configuration key 'multidb.databse.default.hikary.maximumPoolSize'."
                        + " Did you mean 'multidb.databases.default.hikari.maximumPoolSize'?");
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:a", "multidb.apps.auth.chnagelog", "x.xml"))
                .hasMessage("Unknown configuration key 'multidb.apps.auth.chnagelog'."
                        + " Did you mean 'multidb.apps.auth.changelog'?");
    }

    @Test
    void keyWithNothingCloseListsTheValidKeys() {
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:a", "multidb.databases.default.foo", "x"))
                .hasMessage("Unknown configuration key 'multidb.databases.default.foo'. " + VALID_KEYS);
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:a", "multidb.pools", "x"))
                .hasMessage("Unknown configuration key 'multidb.pools'. " + VALID_KEYS);
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:a", "multidb.databases.default", "x"))
                .hasMessage("Unknown configuration key 'multidb.databases.default'. " + VALID_KEYS);
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:a", "multidb.databases.default.hikari", "x"))
                .hasMessage("Unknown configuration key 'multidb.databases.default.hikari'. " + VALID_KEYS);
    }

    @Test
    void keysAreCaseSensitiveButTheSuggestionShowsTheRightCase() {
        assertThatThrownBy(() -> parse("multidb.databases.default.URL", "jdbc:h2:mem:a"))
                .hasMessage("Unknown configuration key 'multidb.databases.default.URL'."
                        + " Did you mean 'multidb.databases.default.url'?");
    }

    @Test
    void invalidAliasFailsWithTheNamingRule() {
        assertThatThrownBy(() -> parse("multidb.databases.1st.url", "jdbc:h2:mem:a"))
                .hasMessage("Invalid database alias '1st' in 'multidb.databases.1st.url'. An alias starts with a"
                        + " letter or '_' and goes on with letters, digits, '_' or '-'. Rename the alias.");
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:a", "multidb.apps.my app.changelog", "x.xml"))
                .hasMessage("Invalid app name 'my app' in 'multidb.apps.my app.changelog'. An app name starts"
                        + " with a letter or '_' and goes on with letters, digits, '_' or '-'. Rename the app.");
    }

    @Test
    void aliasesMayContainDigitsUnderscoresAndDashes() {
        assertThat(parse("multidb.databases._shard-01.url", "jdbc:h2:mem:a").aliases())
                .containsExactly("_shard-01");
    }
}
