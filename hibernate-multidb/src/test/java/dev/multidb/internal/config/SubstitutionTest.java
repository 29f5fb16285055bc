package dev.multidb.internal.config;

import static dev.multidb.internal.config.Settings.parse;
import static dev.multidb.internal.config.Settings.parseWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.MultiDbException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubstitutionTest {

    private static final String URL = "multidb.databases.default.url";
    private static final String PASSWORD = "multidb.databases.default.password";
    private static final String H2 = "jdbc:h2:mem:a";

    @TempDir
    Path dir;

    @Test
    void environmentVariablesAreSubstituted() {
        MultiDbSettings settings = parseWith(Map.of("DB_HOST", "db1", "DB_NAME", "shop", "DB_PW", "pw"),
                URL, "jdbc:postgresql://${env:DB_HOST}:5432/${env:DB_NAME}", PASSWORD, "${env:DB_PW}");

        assertThat(settings.database("default").url()).isEqualTo("jdbc:postgresql://db1:5432/shop");
        assertThat(settings.database("default").password().reveal()).isEqualTo("pw");
    }

    @Test
    void fileContentsAreSubstitutedWithoutTrailingNewlines() throws IOException {
        Path secret = Files.writeString(dir.resolve("pw"), "line pw\r\n\n");

        MultiDbSettings settings = parse(URL, H2, PASSWORD, "${file:" + secret + "}");

        assertThat(settings.database("default").password().reveal()).isEqualTo("line pw");
    }

    @Test
    void substitutedTextIsNotScannedAgain() throws IOException {
        Path secret = Files.writeString(dir.resolve("pw"), "a${env:X}b");

        assertThat(parse(URL, H2, PASSWORD, "${file:" + secret + "}").database("default").password().reveal())
                .isEqualTo("a${env:X}b");
    }

    @Test
    void valueWithoutPlaceholderIsUntouched() {
        assertThat(parse(URL, H2, PASSWORD, "$env:X}{").database("default").password().reveal()).isEqualTo("$env:X}{");
    }

    @Test
    void missingEnvironmentVariableFailsNamingTheKeyAndTheVariable() {
        assertThatThrownBy(() -> parse(URL, H2, PASSWORD, "${env:SHOP_DB_PASSWORD}"))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("The environment variable 'SHOP_DB_PASSWORD' used in 'multidb.databases.default.password'"
                        + " is not set. Set the variable, or change the value of 'multidb.databases.default.password'.");
    }

    @Test
    void missingFileFailsNamingTheKeyAndThePath() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> parse(URL, H2, PASSWORD, "${file:" + missing + "}"))
                .hasMessage("The file '" + missing + "' used in 'multidb.databases.default.password' does not exist."
                        + " Create the file, or change the path in 'multidb.databases.default.password'.");
    }

    @Test
    void unreadableFileFailsNamingTheKeyAndThePath() {
        assertThatThrownBy(() -> parse(URL, H2, PASSWORD, "${file:" + dir + "}"))
                .hasMessage("The file '" + dir + "' used in 'multidb.databases.default.password' cannot be read"
                        + " (IOException). Check that it is a readable file, or change the path in"
                        + " 'multidb.databases.default.password'.");
    }

    @Test
    void unsupportedPlaceholderFails() {
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:${ENV:NAME}"))
                .hasMessage("Unsupported placeholder '${ENV:NAME}' in 'multidb.databases.default.url'. Write"
                        + " ${env:NAME} for an environment variable or ${file:PATH} for the contents of a file.");
    }

    @Test
    void unsupportedPlaceholderInAPasswordIsNotQuoted() {
        assertThatThrownBy(() -> parse(URL, H2, PASSWORD, "ab${cd}"))
                .hasMessage("Unsupported placeholder in 'multidb.databases.default.password'. Write ${env:NAME} for"
                        + " an environment variable or ${file:PATH} for the contents of a file.");
    }

    @Test
    void unterminatedOrEmptyPlaceholderFails() {
        assertThatThrownBy(() -> parse(URL, "jdbc:h2:mem:${env:NAME"))
                .hasMessage("Unterminated placeholder in 'multidb.databases.default.url': '${' has no closing '}'."
                        + " Write ${env:NAME} or ${file:PATH}.");
        assertThatThrownBy(() -> parse(URL, "${env:}"))
                .hasMessage("The placeholder '${env:}' in 'multidb.databases.default.url' names no environment"
                        + " variable. Write ${env:NAME}.");
        assertThatThrownBy(() -> parse(URL, "${file:}"))
                .hasMessage("The placeholder '${file:}' in 'multidb.databases.default.url' names no file."
                        + " Write ${file:PATH}.");
    }

    @Test
    void placeholdersWorkInAnyStringValue() {
        MultiDbSettings settings = parseWith(Map.of("POOL", "12", "APP_CHANGELOG", "db/auth.xml"), URL, H2,
                "multidb.databases.default.hikari.maximumPoolSize", "${env:POOL}",
                "multidb.apps.auth.changelog", "${env:APP_CHANGELOG}");

        assertThat(settings.database("default").hikari()).containsEntry("maximumPoolSize", "12");
        assertThat(settings.apps().get("auth").changelog()).isEqualTo("db/auth.xml");
    }
}
