package dev.multidb;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public API and the SPI never show an internal type in a public signature, and no public type is unlisted. */
class ApiBoundaryTest {

    private static final List<Class<?>> API = List.of(MultiDbPersistenceProvider.class,
            MultiDbEntityManagerFactory.class, MultiDbEntityManager.class, MultiDb.class, DatabaseRouter.class,
            Hints.class, Database.class, StatementListener.class, MultiDbException.class,
            UnknownDatabaseException.class, CrossDatabaseRelationException.class, ReadOnlyDatabaseException.class,
            PartialCommitException.class);

    /** The service provider interface, for the project's own modules and tools beside the library. */
    private static final List<Class<?>> SPI = List.of(dev.multidb.spi.UnitConfiguration.class,
            dev.multidb.spi.ConfiguredDatabase.class, dev.multidb.spi.ConfiguredApp.class,
            dev.multidb.spi.FactoryAccess.class, dev.multidb.spi.FactoryAccess.ConnectionSource.class,
            dev.multidb.spi.Texts.class);

    /** Every public type of the library's public packages, read from its sources: each must be listed above. */
    @Test
    void everyPublicTypeIsKnownToThisTest() throws java.io.IOException {
        java.util.Set<String> declared = new java.util.TreeSet<>();
        for (String pkg : List.of("dev/multidb", "dev/multidb/spi")) {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                    java.nio.file.Path.of("src/main/java", pkg))) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    java.util.regex.Matcher publicType = java.util.regex.Pattern.compile(
                            "(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) (\\w+)")
                            .matcher(java.nio.file.Files.readString(file));
                    while (publicType.find()) {
                        declared.add(pkg.replace('/', '.') + "." + publicType.group(1));
                    }
                }
            }
        }
        java.util.Set<String> known = new java.util.TreeSet<>();
        API.forEach(type -> known.add(type.getName()));
        SPI.stream().filter(type -> type.getEnclosingClass() == null).forEach(type -> known.add(type.getName()));
        assertThat(declared).as("public types: add a new one to API or SPI here, once it is meant to be public")
                .isEqualTo(known);
    }

    @Test
    void publicSignaturesUseNoInternalType() {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> published = new ArrayList<>(API);
        published.addAll(SPI);
        for (Class<?> type : published) {
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
