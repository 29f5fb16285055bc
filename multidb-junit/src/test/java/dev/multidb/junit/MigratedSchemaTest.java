package dev.multidb.junit;

import dev.multidb.junit.examples.MigratedSchemaExample;
import dev.multidb.junit.support.Examples;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Units with changelogs are prepared by the liquibase-bridge, not by schema generation. */
class MigratedSchemaTest {

    @Test
    void unitWithChangelogsIsMigratedOncePerAlias() {
        Map<String, String> outcomes = Examples.outcomes(Examples.run(MigratedSchemaExample.class));

        assertThat(outcomes).containsOnly(entry("everyAliasWasMigratedNotGenerated", "SUCCESSFUL"),
                entry("theMigratedSchemaServesTheEntities", "SUCCESSFUL"));
    }
}
