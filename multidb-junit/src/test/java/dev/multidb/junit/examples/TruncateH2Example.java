package dev.multidb.junit.examples;

import dev.multidb.junit.Isolation;
import dev.multidb.junit.MultiDbTest;
import dev.multidb.junit.support.H2Databases;
import org.junit.jupiter.api.BeforeAll;

/** {@link TruncateScenarios} on H2. */
@MultiDbTest(unit = "junit-h2", databases = {"default", "other"}, isolation = Isolation.TRUNCATE)
public class TruncateH2Example extends TruncateScenarios {

    /** A row on {@code third}, which is not declared: emptying must leave it (the test removes it afterwards). */
    @BeforeAll
    static void writeOnUndeclaredAlias() {
        H2Databases.updateOutside("third", "insert into Note (id, body) values (-7, 'not declared, not emptied')");
    }

    @Override
    long countOutside(String alias, String table) {
        return H2Databases.countOutside(alias, table);
    }
}
