package dev.multidb.internal.bootstrap;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.PersistenceUnitInfo;
import org.hibernate.bytecode.enhance.spi.EnhancementContext;
import org.hibernate.bytecode.spi.ClassTransformer;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;

import java.net.URL;
import java.util.List;
import java.util.Properties;

/**
 * A container's {@link PersistenceUnitInfo} (Spring's {@code LocalContainerEntityManagerFactoryBean},
 * an application server) seen as Hibernate's unit descriptor. Class transformation is not offered:
 * bytecode enhancement at deployment is out of scope.
 */
public record UnitInfoDescriptor(PersistenceUnitInfo info) implements PersistenceUnitDescriptor {

    @Override
    public URL getPersistenceUnitRootUrl() {
        return info.getPersistenceUnitRootUrl();
    }

    @Override
    public String getName() {
        return info.getPersistenceUnitName();
    }

    @Override
    public String getProviderClassName() {
        return info.getPersistenceProviderClassName();
    }

    @Override
    public boolean isUseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean isExcludeUnlistedClasses() {
        return info.excludeUnlistedClasses();
    }

    @Override
    public jakarta.persistence.PersistenceUnitTransactionType getPersistenceUnitTransactionType() {
        return jakarta.persistence.PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    @SuppressWarnings("deprecation")
    public jakarta.persistence.spi.PersistenceUnitTransactionType getTransactionType() {
        return jakarta.persistence.spi.PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public ValidationMode getValidationMode() {
        return info.getValidationMode();
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return info.getSharedCacheMode();
    }

    @Override
    public List<String> getManagedClassNames() {
        return info.getManagedClassNames();
    }

    @Override
    public List<String> getMappingFileNames() {
        return info.getMappingFileNames();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return info.getJarFileUrls();
    }

    @Override
    public Object getNonJtaDataSource() {
        return null;
    }

    @Override
    public Object getJtaDataSource() {
        return null;
    }

    @Override
    public Properties getProperties() {
        return info.getProperties() == null ? new Properties() : info.getProperties();
    }

    @Override
    public ClassLoader getClassLoader() {
        return info.getClassLoader();
    }

    @Override
    public ClassLoader getTempClassLoader() {
        return info.getNewTempClassLoader();
    }

    @Override
    public void pushClassTransformer(EnhancementContext enhancementContext) {
        // Not supported: see the class comment.
    }

    @Override
    public ClassTransformer getClassTransformer() {
        return null;
    }
}
