package dev.multidb.conformance;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue calls every abstract method of EntityManager and EntityTransaction (a new JPA version adds some). */
class CatalogueCoverageTest {

    @Test
    void everyMethodOfEntityManagerAndEntityTransactionIsCalled() {
        Set<String> called = Catalogue.entries().stream().map(Catalogue.Entry::method).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Class<?> api : new Class<?>[] {EntityManager.class, EntityTransaction.class}) {
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
        assertThat(missing).as("methods the conformance catalogue never calls").isEmpty();
    }
}
