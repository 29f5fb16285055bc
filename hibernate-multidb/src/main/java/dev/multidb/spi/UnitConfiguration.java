package dev.multidb.spi;

import dev.multidb.MultiDbException;
import dev.multidb.UnknownDatabaseException;
import dev.multidb.internal.bootstrap.FactoryBuilder;
import dev.multidb.internal.bootstrap.UnitLocator;
import dev.multidb.internal.config.AppSettings;
import dev.multidb.internal.config.DatabaseSettings;
import dev.multidb.internal.config.MultiDbSettings;
import dev.multidb.internal.routing.RouterChain;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A unit's {@code multidb.*} configuration, parsed and checked exactly as the factory does before it opens
 * anything: its databases, its apps and its routers. Immutable; {@link #toString()} shows no secret.
 */
public final class UnitConfiguration {

    private final MultiDbSettings settings;
    private final RouterChain routers;
    private final Map<String, ConfiguredDatabase> databases = new LinkedHashMap<>();
    private final Map<String, ConfiguredApp> apps = new LinkedHashMap<>();

    private UnitConfiguration(MultiDbSettings settings) {
        this.settings = settings;
        this.routers = new RouterChain(settings.routers(), settings.aliases(), instance -> null);
        for (DatabaseSettings database : settings.databases()) {
            databases.put(database.alias(), new ConfiguredDatabase(database));
        }
        for (AppSettings app : settings.apps().values()) {
            apps.put(app.name(), new ConfiguredApp(app.name(), app.changelog(), app.packages(), app.formerly()));
        }
    }

    /**
     * The properties of the persistence unit {@code unitName} of a {@code META-INF/persistence.xml} on the class
     * path, overridden by {@code overrides} (as {@code Persistence.createEntityManagerFactory(name, map)} does), or
     * empty when there is no such unit.
     */
    public static Optional<Map<String, Object>> unitProperties(String unitName, Map<String, ?> overrides) {
        Map<String, ?> given = overrides == null ? Map.of() : overrides;
        PersistenceUnitDescriptor unit = UnitLocator.find(unitName, given);
        if (unit == null) {
            return Optional.empty();
        }
        return Optional.of(FactoryBuilder.merged(unit, given));
    }

    /**
     * The configuration in the {@code multidb.*} keys of {@code properties} (others are ignored); router class
     * names are loaded with {@code loader}.
     *
     * @throws MultiDbException when a key is wrong, with the message the factory would give
     */
    public static UnitConfiguration parse(Map<String, ?> properties, ClassLoader loader) {
        return new UnitConfiguration(MultiDbSettings.parse(properties, loader));
    }

    /** Every configured alias, replicas included. */
    public Set<String> aliases() {
        return settings.aliases();
    }

    /** @throws UnknownDatabaseException when {@code alias} is not configured */
    public ConfiguredDatabase database(String alias) {
        settings.database(alias); // the standard refusal of an unknown alias
        return databases.get(alias);
    }

    public Collection<ConfiguredDatabase> databases() {
        return databases.values();
    }

    /** The apps by name. */
    public Map<String, ConfiguredApp> apps() {
        return apps;
    }

    /** The routers' {@code allowMigrate} for the app on the alias: the first answer, else {@code true}. */
    public boolean allowMigrate(String alias, String app) {
        return routers.allowMigrate(alias, app, null);
    }

    /** The configuration's passwords, for {@link Texts#redact}: never to be shown. */
    public Set<String> secrets() {
        return settings.secretValues();
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
