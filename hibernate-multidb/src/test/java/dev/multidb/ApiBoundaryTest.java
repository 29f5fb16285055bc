package dev.multidb;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public API never shows an internal type in a public signature. */
class ApiBoundaryTest {

    private static final List<Class<?>> API = List.of(MultiDbPersistenceProvider.class,
            MultiDbEntityManagerFactory.class, MultiDbEntityManager.class, MultiDb.class, DatabaseRouter.class,
            Hints.class, Database.class, StatementListener.class, MultiDbException.class,
            UnknownDatabaseException.class, CrossDatabaseRelationException.class, ReadOnlyDatabaseException.class,
            PartialCommitException.class);

    @Test
    void publicSignaturesUseNoInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : API) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers())) {
                    check(type, method.getName(), method.getGenericReturnType(), leaks);
                    for (Type parameter : method.getGenericParameterTypes()) {
                        check(type, method.getName(), parameter, leaks);
                    }
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(constructor.getModifiers())) {
                    for (Type parameter : constructor.getGenericParameterTypes()) {
                        check(type, "<init>", parameter, leaks);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static void check(Class<?> owner, String member, Type type, List<String> leaks) {
        if (type.getTypeName().contains("dev.multidb.internal")) {
            leaks.add(owner.getSimpleName() + "." + member + ": " + type.getTypeName());
        }
    }
}
