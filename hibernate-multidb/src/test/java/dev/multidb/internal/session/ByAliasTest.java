package dev.multidb.internal.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The holder of child sessions and enlisted transactions: order, lookup and reuse after clear. */
class ByAliasTest {

    @Test
    void anEmptyHolderFindsNothing() {
        ByAlias<Integer> byAlias = new ByAlias<>();

        assertThat(byAlias.size()).isZero();
        assertThat(byAlias.get("default")).isNull();
        assertThat(byAlias.aliasesBefore(0)).isEmpty();
    }

    @Test
    void keepsEveryEntryInTheOrderOfAdding() {
        ByAlias<Integer> byAlias = new ByAlias<>();
        List<String> aliases = List.of("default", "other", "auth_db", "replica1", "replica2", "archive");
        for (int i = 0; i < aliases.size(); i++) {
            byAlias.add(aliases.get(i), i);
        }

        assertThat(byAlias.size()).isEqualTo(6);
        List<String> walked = new ArrayList<>();
        for (int i = 0; i < byAlias.size(); i++) {
            walked.add(byAlias.alias(i));
            assertThat(byAlias.value(i)).isEqualTo(i);
            assertThat(byAlias.get(aliases.get(i))).isEqualTo(i);
        }
        assertThat(walked).isEqualTo(aliases);
        assertThat(byAlias.aliasesBefore(3)).containsExactly("default", "other", "auth_db");
        assertThat(byAlias.get("elsewhere")).isNull();
    }

    @Test
    void findsAliasesByValueNotByIdentity() {
        ByAlias<String> byAlias = new ByAlias<>();
        byAlias.add("default", "first");
        byAlias.add("other", "second");

        assertThat(byAlias.get(new String("default"))).isEqualTo("first");
        assertThat(byAlias.get(new String("other"))).isEqualTo("second");
    }

    @Test
    void isEmptyAfterClearAndCanBeFilledAgain() {
        ByAlias<Integer> byAlias = new ByAlias<>();
        byAlias.add("default", 1);
        byAlias.add("other", 2);
        byAlias.add("auth_db", 3);

        byAlias.clear();

        assertThat(byAlias.size()).isZero();
        assertThat(byAlias.get("default")).isNull();
        assertThat(byAlias.get("other")).isNull();
        byAlias.add("other", 20);
        byAlias.add("default", 10);
        assertThat(byAlias.aliasesBefore(2)).containsExactly("other", "default");
        assertThat(byAlias.get("default")).isEqualTo(10);
        assertThat(byAlias.get("auth_db")).isNull();
    }
}
