package dev.multidb.junit.internal;

import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.liquibase.MigrationReport;
import dev.multidb.liquibase.Migrator;

import java.util.Map;

/**
 * Prepares each alias's schema by running its apps' Liquibase changelogs through the liquibase-bridge,
 * once per unit per run: schema generation is switched off, then {@code migrateAll()} migrates every
 * alias (replicas excluded) as the routers' {@code allowMigrate} says. A failed migration fails the test
 * class with the bridge's report. Loaded only when the bridge is on the class path.
 */
final class MigrationPreparation implements SchemaPreparation {

    private final String unit;

    MigrationPreparation(String unit) {
        this.unit = unit;
    }

    static boolean available() {
        try {
            Class.forName("dev.multidb.liquibase.Migrator", false, MigrationPreparation.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void beforeBuild(Map<String, Object> properties) {
        ACTION_KEYS.forEach(properties::remove);
        properties.put("jakarta.persistence.schema-generation.database.action", "none");
    }

    @Override
    public void afterBuild(MultiDbEntityManagerFactory factory, Map<String, Object> properties) {
        for (MigrationReport report : Migrator.forUnit(unit, properties).migrateAll().values()) {
            report.throwIfFailed();
        }
    }

    @Override
    public String toString() {
        return "liquibase-bridge migrations";
    }
}
