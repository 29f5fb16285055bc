package dev.multidb.conformance;

import jakarta.persistence.Cache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceUnitUtil;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogues call every method of the JPA interfaces they cover (a new JPA version adds some). */
class CatalogueCoverageTest {

    @Test
    void everyMethodOfEntityManagerAndEntityTransactionIsCalled() {
        Set<String> called = Catalogue.entries().stream().map(Catalogue.Entry::method).collect(Collectors.toSet());
        assertThat(missing(called, EntityManager.class, EntityTransaction.class))
                .as("methods the conformance catalogue never calls").isEmpty();
    }

    @Test
    void everyMethodOfEntityManagerFactoryCacheAndPersistenceUnitUtilIsCalled() {
        Set<String> called = FactoryCatalogue.entries().stream().map(FactoryCatalogue.Entry::method)
                .collect(Collectors.toSet());
        assertThat(missing(called, EntityManagerFactory.class, Cache.class, PersistenceUnitUtil.class))
                .as("methods the factory catalogue never calls").isEmpty();
    }

    private static Set<String> missing(Set<String> called, Class<?>... apis) {
        Set<String> missing = new TreeSet<>();
        for (Class<?> api : apis) {
            for (Method method : api.getMethods()) {
                if (Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                String signature = method.getName() + Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
                if (!called.contains(signature)) {
                    missing.add(api.getSimpleName() + "." + signature);
                }
            }
        }
        return missing;
    }
}
