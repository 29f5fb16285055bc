package dev.multidb.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void everyOccurrenceOfEverySecretIsReplaced() {
        assertThat(Redaction.redact("login pw1 failed, pw1 again, then pw2", List.of("pw1", "pw2")))
                .isEqualTo("login **** failed, **** again, then ****");
    }

    @Test
    void longerSecretsAreReplacedFirst() {
        assertThat(Redaction.redact("secret-longer", List.of("secret", "secret-longer"))).isEqualTo("****");
    }

    @Test
    void emptyAndNullSecretsAreIgnored() {
        assertThat(Redaction.redact("text", Arrays.asList("", null))).isEqualTo("text");
        assertThat(Redaction.redact(null, List.of("x"))).isNull();
    }

    @Test
    void secretPrintsAsMaskAndComparesByValue() {
        assertThat(Secret.of("pw")).hasToString("****").isEqualTo(new Secret("pw")).isNotEqualTo(Secret.of("other"));
        assertThat(Secret.of("pw").reveal()).isEqualTo("pw");
        assertThat(Secret.of("pw").hashCode()).isEqualTo(new Secret("pw").hashCode());
    }
}
