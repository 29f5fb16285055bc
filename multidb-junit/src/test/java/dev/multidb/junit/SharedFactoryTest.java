package dev.multidb.junit;

import dev.multidb.junit.examples.SharingExamples;
import dev.multidb.junit.support.Examples;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** One factory per unit and run, shared by all classes, closed at the end; a fresh entity manager per test. */
class SharedFactoryTest {

    @Test
    void classesOfOneRunShareTheFactoryAndEachTestGetsItsOwnEntityManager() {
        SharingExamples.clear();

        Map<String, String> outcomes = Examples.outcomes(
                Examples.run(SharingExamples.FirstClass.class, SharingExamples.SecondClass.class));

        assertThat(outcomes).containsOnly(entry("one", "SUCCESSFUL"), entry("two", "SUCCESSFUL"),
                entry("three", "SUCCESSFUL"));
        assertThat(SharingExamples.FACTORIES).hasSize(3);
        EntityManagerFactory factory = SharingExamples.FACTORIES.get(0);
        assertThat(SharingExamples.FACTORIES).allSatisfy(f -> assertThat(f).isSameAs(factory));
        assertThat(factory.isOpen()).as("closed at the end of the run").isFalse();

        assertThat(SharingExamples.TEST_ENTITY_MANAGERS).hasSize(3).doesNotHaveDuplicates()
                .noneMatch(EntityManager::isOpen);
        assertThat(SharingExamples.BEFORE_EACH_ENTITY_MANAGERS).as("@BeforeEach shares the test's entity manager")
                .containsExactlyInAnyOrderElementsOf(SharingExamples.TEST_ENTITY_MANAGERS.subList(0, 2));
    }

    @Test
    void constructorOfEachTestInstanceGetsThatTestsEntityManager() {
        SharingExamples.clear();

        Map<String, String> outcomes = Examples.outcomes(Examples.run(SharingExamples.ConstructorInjected.class));

        assertThat(outcomes).containsOnly(entry("four", "SUCCESSFUL"), entry("five", "SUCCESSFUL"));
        assertThat(SharingExamples.CONSTRUCTOR_ENTITY_MANAGERS).hasSize(2).doesNotHaveDuplicates()
                .containsExactlyElementsOf(SharingExamples.TEST_ENTITY_MANAGERS)
                .noneMatch(EntityManager::isOpen);
    }

    @Test
    void eachRunBuildsItsOwnFactory() {
        SharingExamples.clear();
        Examples.run(SharingExamples.SecondClass.class);
        Examples.run(SharingExamples.SecondClass.class);

        assertThat(SharingExamples.FACTORIES).hasSize(2);
        assertThat(SharingExamples.FACTORIES.get(0)).isNotSameAs(SharingExamples.FACTORIES.get(1));
    }
}
