package dev.multidb.junit.internal;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.junit.MultiDbTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Optional;

/**
 * The JUnit side of {@link MultiDbTest}, registered by the annotation; users never name it.
 *
 * <p>Where state lives: each unit's {@link SharedFactory} and each {@link PropertiesSource} in the root
 * store (one per run, closed when the run ends, factories before the properties that served them); a
 * class's {@link ClassSession} in its class store (found by {@code @Nested} classes through the store's
 * parent lookup); injected entity managers in the store of the context that asked for them.
 *
 * <p>Order within a test: {@code beforeEach} (savepoint) → {@code @BeforeEach} methods → test →
 * {@code @AfterEach} methods → {@code afterEach} (the test's entity manager closed, then rollback or
 * emptying). A failure of the clean-up fails the test.
 */
public final class MultiDbExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback,
        BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MultiDbExtension.class);
    private static final String SESSION = "session";

    /** A class whose {@link dev.multidb.junit.MultiDbTestProperties} are unavailable is skipped. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        Optional<MultiDbTest> annotation = findAnnotation(context.getRequiredTestClass());
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no @MultiDbTest");
        }
        Optional<String> reason = propertiesSource(context, annotation.get()).unavailableReason();
        return reason.map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("its databases are available"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        session(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        session(context).beforeTest();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        ClassSession session = session(context);
        try {
            closeEntityManagers(context);
        } finally {
            session.afterTest();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        ClassSession session = store.get(SESSION, ClassSession.class);
        try {
            closeEntityManagers(context);
        } finally {
            if (session != null && session.isOwnedBy(context.getUniqueId())) {
                store.remove(SESSION);
                session.close();
            }
        }
    }

    /** Constructors of {@code PER_METHOD} test instances get the test's entity manager, not the class's. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MultiDbEntityManager.class || type == EntityManager.class
                || type == MultiDbEntityManagerFactory.class || type == EntityManagerFactory.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassSession session;
        try {
            session = session(context);
        } catch (Exception e) {
            throw new ParameterResolutionException("Could not set up @MultiDbTest for " + parameter.getParameter()
                    + ": " + e.getMessage(), e);
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == MultiDbEntityManagerFactory.class || type == EntityManagerFactory.class) {
            return session.factory();
        }
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(entityManagersKey(context), key -> new EntityManagers(), EntityManagers.class)
                .get(session.factory());
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * The session of the class {@code context} belongs to, opened on first use (in {@code beforeAll},
     * or earlier for constructor parameters of a {@code PER_CLASS} test instance).
     */
    private static ClassSession session(ExtensionContext context) throws Exception {
        ExtensionContext classContext = classContext(context);
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        ClassSession session = store.get(SESSION, ClassSession.class);
        if (session != null) {
            rejectNestedDeclaration(classContext, session);
            return session;
        }
        synchronized (MultiDbExtension.class) {
            session = store.get(SESSION, ClassSession.class);
            if (session == null) {
                Class<?> testClass = classContext.getRequiredTestClass();
                MultiDbTest annotation = findAnnotation(testClass).orElseThrow(() -> new ExtensionConfigurationException(
                        testClass.getName() + " is run by " + MultiDbExtension.class.getSimpleName()
                                + " but carries no @MultiDbTest: annotate it with @MultiDbTest(unit = ...)."));
                SharedFactory shared = sharedFactory(classContext, annotation);
                session = ClassSession.open(classContext.getUniqueId(), testClass, annotation, shared);
                store.put(SESSION, session);
            }
            return session;
        }
    }

    private static void rejectNestedDeclaration(ExtensionContext classContext, ClassSession session) {
        if (!session.isOwnedBy(classContext.getUniqueId())
                && classContext.getRequiredTestClass().getDeclaredAnnotation(MultiDbTest.class) != null) {
            throw new ExtensionConfigurationException(classContext.getRequiredTestClass().getName()
                    + " carries @MultiDbTest inside " + session.declaration().testClassName()
                    + ", which has its own: a @Nested class uses the declaration of its enclosing class;"
                    + " remove one of them.");
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static Optional<MultiDbTest> findAnnotation(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, MultiDbTest.class);
    }

    private static PropertiesSource propertiesSource(ExtensionContext context, MultiDbTest annotation) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(annotation.properties(),
                PropertiesSource::instantiate, PropertiesSource.class);
    }

    private static SharedFactory sharedFactory(ExtensionContext context, MultiDbTest annotation) throws Exception {
        PropertiesSource source = propertiesSource(context, annotation);
        var properties = source.properties();
        SharedFactory.Key key = new SharedFactory.Key(annotation.unit(), annotation.properties());
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key,
                k -> SharedFactory.build(k.unit(), properties), SharedFactory.class);
    }

    private static String entityManagersKey(ExtensionContext context) {
        return "entityManagers:" + context.getUniqueId();
    }

    private static void closeEntityManagers(ExtensionContext context) {
        EntityManagers entityManagers = context.getStore(NAMESPACE)
                .remove(entityManagersKey(context), EntityManagers.class);
        if (entityManagers != null) {
            entityManagers.close();
        }
    }
}
