package dev.multidb.junit;

import dev.multidb.junit.examples.AllAliasesExample;
import dev.multidb.junit.examples.ForbiddenAliasExample;
import dev.multidb.junit.support.Examples;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** README "Testing with multidb-junit": undeclared aliases fail loudly, whatever path reaches them; "*" allows all. */
class ForbiddenAliasTest {

    private static String forbidden(String alias, Class<?> testClass) {
        return "FAILED DatabaseOperationForbiddenException: Database queries to '" + alias + "' are not allowed in"
                + " this test. Add '" + alias + "' to @MultiDbTest(databases = ...) on " + testClass.getName()
                + " to ensure proper test isolation and silence this failure.";
    }

    @Test
    void statementOnUndeclaredAliasFailsThroughEveryPathWithTheExactMessage() {
        Map<String, String> outcomes = Examples.outcomes(Examples.run(ForbiddenAliasExample.class));

        String other = forbidden("other", ForbiddenAliasExample.class);
        assertThat(outcomes).containsOnly(
                entry("declaredAliasIsAllowed", "SUCCESSFUL"),
                entry("entityManagerOnOther", other),
                entry("writeRoutedToThird", forbidden("third", ForbiddenAliasExample.class)),
                entry("dataSourceOfOther", other),
                entry("otherThreadOnOther", other),
                entry("NestedClass.inheritsTheDeclaration", other));
    }

    @Test
    void messageIsTheOneOfTheApi() {
        assertThat(new DatabaseOperationForbiddenException("other", "com.acme.OrderTest"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Database queries to 'other' are not allowed in this test. Add 'other' to"
                        + " @MultiDbTest(databases = ...) on com.acme.OrderTest to ensure proper test isolation and"
                        + " silence this failure.")
                .satisfies(e -> {
                    assertThat(e.alias()).isEqualTo("other");
                    assertThat(e.testClassName()).isEqualTo("com.acme.OrderTest");
                });
    }

    @Test
    void starAllowsAndIsolatesEveryAlias() {
        Map<String, String> outcomes = Examples.outcomes(Examples.run(AllAliasesExample.class));

        assertThat(outcomes).containsOnly(
                entry("writesOnEveryAlias", "SUCCESSFUL"),
                entry("everyAliasIsRolledBack", "SUCCESSFUL"),
                entry("schemaFollowsAllowMigrate", "SUCCESSFUL"));
    }
}
