package dev.multidb;

import dev.multidb.internal.bootstrap.FactoryBuilder;
import dev.multidb.internal.bootstrap.UnitInfoDescriptor;
import dev.multidb.internal.bootstrap.UnitLocator;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.ProviderUtil;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.hibernate.jpa.boot.spi.PersistenceConfigurationDescriptor;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;

import java.util.HashMap;
import java.util.Map;

/**
 * The Jakarta Persistence provider of hibernate-multidb. Name it in {@code persistence.xml}:
 *
 * <pre>{@code <provider>dev.multidb.MultiDbPersistenceProvider</provider>}</pre>
 *
 * and configure the databases with {@code multidb.*} properties (see the README). It answers only for
 * units that name it (in {@code <provider>}, in {@code jakarta.persistence.provider}, or in
 * {@link PersistenceConfiguration#provider(String)}), so plain Hibernate units in the same application
 * keep working. The factories it returns are {@link MultiDbEntityManagerFactory}s.
 *
 * <p>It can also be used directly, without {@code Persistence}: {@code new
 * MultiDbPersistenceProvider().createEntityManagerFactory("shop", properties)}.
 */
public class MultiDbPersistenceProvider implements PersistenceProvider {

    private static final String PROVIDER_KEY = "jakarta.persistence.provider";
    private static final String LEGACY_PROVIDER_KEY = "javax.persistence.provider";

    /**
     * Builds the factory of the unit {@code unitName} from {@code META-INF/persistence.xml}, the
     * {@code properties} overriding the unit's own. Returns {@code null} when the unit does not exist or
     * names another provider, as the specification asks.
     *
     * @throws MultiDbException when the {@code multidb.*} configuration is invalid
     */
    @Override
    public MultiDbEntityManagerFactory createEntityManagerFactory(String unitName, Map<?, ?> properties) {
        PersistenceUnitDescriptor unit = UnitLocator.find(unitName, properties);
        if (unit == null || !isOurs(unit.getProviderClassName(), properties)) {
            return null;
        }
        return FactoryBuilder.build(unit, properties);
    }

    /** Builds a factory from a programmatic configuration naming this provider; {@code null} otherwise. */
    @Override
    public MultiDbEntityManagerFactory createEntityManagerFactory(PersistenceConfiguration configuration) {
        if (!isOurs(configuration.provider(), configuration.properties())) {
            return null;
        }
        return FactoryBuilder.build(new PersistenceConfigurationDescriptor(configuration), Map.of());
    }

    /** Builds a factory for a container (Spring's {@code LocalContainerEntityManagerFactoryBean}, say). */
    @Override
    public MultiDbEntityManagerFactory createContainerEntityManagerFactory(PersistenceUnitInfo info,
                                                                         Map<?, ?> properties) {
        return FactoryBuilder.build(new UnitInfoDescriptor(info), properties);
    }

    /** Applies the schema-generation action in {@code properties} to every alias, then closes. */
    @Override
    public void generateSchema(PersistenceUnitInfo info, Map<?, ?> properties) {
        createContainerEntityManagerFactory(info, properties).close();
    }

    /** Applies the schema-generation action in {@code properties} to every alias of the unit, then closes. */
    @Override
    public boolean generateSchema(String unitName, Map<?, ?> properties) {
        EntityManagerFactory factory = createEntityManagerFactory(unitName, properties);
        if (factory == null) {
            return false;
        }
        factory.close();
        return true;
    }

    @Override
    public ProviderUtil getProviderUtil() {
        return new HibernatePersistenceProvider().getProviderUtil();
    }

    private boolean isOurs(String declared, Map<?, ?> properties) {
        Map<Object, Object> all = properties == null ? Map.of() : new HashMap<>(properties);
        Object requested = all.getOrDefault(PROVIDER_KEY, all.get(LEGACY_PROVIDER_KEY));
        String provider = requested instanceof Class<?> type ? type.getName()
                : requested != null ? requested.toString() : declared;
        return getClass().getName().equals(provider) || MultiDbPersistenceProvider.class.getName().equals(provider);
    }
}
