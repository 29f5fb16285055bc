package dev.multidb.junit;

import dev.multidb.junit.internal.MultiDbExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that uses the databases of a persistence unit, Django's {@code TestCase.databases}:
 *
 * <pre>{@code
 * @MultiDbTest(unit = "shop", databases = {"default", "other"})   // or databases = "*"
 * class OrderTest {
 *     @Test
 *     void ordersAreStoredWhereTheRouterSays(MultiDbEntityManager em) { ... }
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>One factory per unit and run.</b> The unit's {@link dev.multidb.MultiDbEntityManagerFactory}
 *       is built once per test run (per {@link #unit()} and {@link #properties()}), shared by every test
 *       class of the run, and closed when the run ends. Building it prepares each alias's schema once:
 *       {@code drop-and-create} schema generation, each alias getting the tables its routers'
 *       {@code allowMigrate} allows, replicas excluded; a schema-generation action given by
 *       {@link #properties()} (for example {@code none}) is used instead.</li>
 *   <li><b>Parameters.</b> Parameters of type {@link dev.multidb.MultiDbEntityManager} (or
 *       {@code EntityManager}) receive an entity manager opened for the test and closed after it, before
 *       the test's work is undone: the test, its {@code @BeforeEach} and {@code @AfterEach} methods and
 *       the constructor of its test instance share it. In {@code @BeforeAll}/{@code @AfterAll} methods
 *       (and the constructor of a {@code PER_CLASS} instance) it is one per class, closed after the class.
 *       Parameters of type {@link dev.multidb.MultiDbEntityManagerFactory} (or
 *       {@code EntityManagerFactory}) receive the shared factory; do not close it.</li>
 *   <li><b>Isolation.</b> Each test's work on each declared alias is undone after it, see
 *       {@link #isolation()}.</li>
 *   <li><b>Forbidden aliases.</b> A statement on an alias not declared in {@link #databases()} fails with
 *       {@link DatabaseOperationForbiddenException}, whatever sends it: the entity manager, a
 *       {@code dataSource(alias)} connection, another thread.</li>
 *   <li><b>Unknown aliases.</b> An alias of {@link #databases()} that the unit does not configure fails
 *       the class: {@code com.acme.OrderTest's @MultiDbTest(databases = ...) refers to 'defualt' which is
 *       not a configured database. Did you mean 'default'?} (the suggestion only for a close match).</li>
 * </ul>
 *
 * <p>Test classes carrying this annotation never run concurrently with each other under JUnit's
 * parallel execution (they share one {@link ResourceLock}): the declaration of the running class is
 * global to the factory, so that statements from any thread are checked against it. {@code @Nested}
 * classes inherit the declaration of their enclosing class and must not carry their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MultiDbExtension.class)
@ResourceLock(MultiDbTest.RESOURCE_LOCK)
public @interface MultiDbTest {

    /** Every configured alias, as the only element of {@link #databases()}: Django's {@code '__all__'}. */
    String ALL = "*";

    /** The key of the {@link ResourceLock} every {@code @MultiDbTest} class holds while it runs. */
    String RESOURCE_LOCK = "dev.multidb.junit.MultiDbTest";

    /** The persistence unit, as named in {@code META-INF/persistence.xml}. Required. */
    String unit();

    /**
     * The aliases the test class may use; every other alias fails with
     * {@link DatabaseOperationForbiddenException}. {@value #ALL} allows (and isolates) every configured
     * alias; an empty array allows none. Default: {@code default} only, as in Django. Each alias must
     * be configured in the unit, or the class fails before its first test.
     */
    String[] databases() default {"default"};

    /** How each test's work on the declared aliases is undone. Default {@link Isolation#ROLLBACK}. */
    Isolation isolation() default Isolation.ROLLBACK;

    /**
     * Where run-time properties of the unit come from, such as the URL of a database server started for
     * the tests (see {@link MultiDbTestProperties}). They override {@code persistence.xml}. The default,
     * {@code MultiDbTestProperties.class} itself, means none.
     */
    Class<? extends MultiDbTestProperties> properties() default MultiDbTestProperties.class;
}
