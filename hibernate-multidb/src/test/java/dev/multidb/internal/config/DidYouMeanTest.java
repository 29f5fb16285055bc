package dev.multidb.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void oneTypoFindsTheCandidate() {
        assertThat(DidYouMean.closest("usernme", List.of("url", "username", "password"))).contains("username");
    }

    @Test
    void caseIsIgnoredButTheCandidateIsReturnedAsSpelled() {
        assertThat(DidYouMean.closest("maximumpoolsize", List.of("maximumPoolSize", "minimumIdle")))
                .contains("maximumPoolSize");
    }

    @Test
    void nearMissOfAnAliasSuggestsIt() {
        assertThat(DidYouMean.closest("defualt", List.of("default", "other"))).contains("default");
    }

    @Test
    void unrelatedInputSuggestsNothing() {
        assertThat(DidYouMean.closest("void", List.of("default", "other"))).isEmpty();
        assertThat(DidYouMean.closest("foo", List.of("url", "username"))).isEmpty();
    }

    @Test
    void completeRewriteOfAShortWordIsNotAMatch() {
        assertThat(DidYouMean.closest("ab", List.of("cd"))).isEmpty();
    }

    @Test
    void longerInputsAllowMoreEdits() {
        assertThat(DidYouMean.closest("connectionTimeot", List.of("connectionTimeout", "idleTimeout")))
                .contains("connectionTimeout");
        assertThat(DidYouMean.closest("poolSize", List.of("maximumPoolSize"))).isEmpty();
    }

    @Test
    void tiesGoToTheCandidateThatSortsFirst() {
        assertThat(DidYouMean.closest("ab", List.of("ac", "aa"))).contains("aa");
        assertThat(DidYouMean.closest("ab", List.of("aa", "ac"))).contains("aa");
    }

    @Test
    void nothingToCompareWithSuggestsNothing() {
        assertThat(DidYouMean.closest("x", List.of())).isEmpty();
        assertThat(DidYouMean.closest(null, List.of("x"))).isEmpty();
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }
}
