package dev.multidb.junit.internal;

import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.spi.UnitConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How each alias's schema is prepared when the extension builds a unit's factory, once per run.
 *
 * <p>Two ways. {@link #GENERATION}: the standard schema-generation action ({@code drop-and-create}
 * unless the test properties name one) is put in the properties the factory is built with, and the core
 * applies it to every alias, replicas excluded, each alias getting only the tables its routers'
 * {@code allowMigrate} allows. {@link MigrationPreparation}: when the unit's apps have Liquibase
 * changelogs ({@code multidb.apps.<app>.changelog}) and the liquibase-bridge is on the class path, the
 * schema comes from the migrations, as Django's test runner migrates its test databases, under the
 * same {@code allowMigrate}. Without the bridge such units get schema generation and a warning.
 */
interface SchemaPreparation {

    /** The keys that carry a schema-generation action, as the core reads them. */
    Set<String> ACTION_KEYS = Set.of(
            "jakarta.persistence.schema-generation.database.action",
            "javax.persistence.schema-generation.database.action",
            "hibernate.hbm2ddl.auto");

    /** The action used when the test properties give none. */
    String DEFAULT_ACTION = "drop-and-create";

    /** Schema generation, filtered by {@code allowMigrate}, by the core while the factory is built. */
    SchemaPreparation GENERATION = new SchemaPreparation() {
        @Override
        public void beforeBuild(Map<String, Object> properties) {
            if (ACTION_KEYS.stream().noneMatch(properties::containsKey)) {
                properties.put("jakarta.persistence.schema-generation.database.action", DEFAULT_ACTION);
            }
        }

        @Override
        public void afterBuild(MultiDbEntityManagerFactory factory, Map<String, Object> properties) {
            // The core has generated every alias's schema while building the factory.
        }

        @Override
        public String toString() {
            return "schema generation";
        }
    };

    /** Adjusts the properties the factory is about to be built with. */
    void beforeBuild(Map<String, Object> properties);

    /** Runs once the factory exists, before any test class uses it. */
    void afterBuild(MultiDbEntityManagerFactory factory, Map<String, Object> properties);

    /** The preparation for {@code unit}, whose run-time properties are {@code properties}. */
    static SchemaPreparation forUnit(String unit, Map<String, Object> properties) {
        Set<String> changelogKeys = changelogKeys(unit, properties);
        if (changelogKeys.isEmpty()) {
            return GENERATION;
        }
        if (MigrationPreparation.available()) {
            return new MigrationPreparation(unit);
        }
        Holder.LOG.warn("Unit '{}' has Liquibase changelogs ({}), but dev.multidb:liquibase-bridge is not on the"
                + " test class path: each alias's schema is generated from the entities instead. Add the"
                + " liquibase-bridge test dependency to migrate them.", unit, String.join(", ", changelogKeys));
        return GENERATION;
    }

    /** The {@code multidb.apps.<app>.changelog} keys of the unit's persistence.xml and of the properties. */
    private static Set<String> changelogKeys(String unit, Map<String, Object> properties) {
        Set<String> keys = new TreeSet<>();
        properties.keySet().stream().filter(SchemaPreparation::isChangelogKey).forEach(keys::add);
        try {
            UnitConfiguration.unitProperties(unit, properties).ifPresent(declared -> declared.keySet().stream()
                    .filter(SchemaPreparation::isChangelogKey).forEach(keys::add));
        } catch (RuntimeException e) {
            // Detection only: building the factory reports a broken persistence.xml properly.
        }
        return keys;
    }

    private static boolean isChangelogKey(String key) {
        return key.startsWith("multidb.apps.") && key.endsWith(".changelog");
    }

    /** Keeps the logger out of the interface's public constants. */
    final class Holder {
        private static final Logger LOG = LoggerFactory.getLogger(SchemaPreparation.class);

        private Holder() {
        }
    }
}
