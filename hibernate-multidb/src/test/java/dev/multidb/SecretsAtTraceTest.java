package dev.multidb;

import dev.multidb.testmodel.Person;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Distinctive passwords in persistence.xml, in the properties map and inside a JDBC URL, every logger at TRACE
 * (this class runs alone in a JVM of its own, see the pom): bootstrap, a failed bootstrap, queries and failures
 * leave none of them anywhere, not in the log, messages, causes, {@code toString()} or {@code getProperties()}.
 * HikariCP's own DEBUG lines are the exception README names: they quote the JDBC URL (masking {@code password=}
 * parameters only), so {@code com.zaxxer.hikari} is kept at INFO here, as README asks for production.
 */
class SecretsAtTraceTest {

    private static final String IN_XML = "Xml-Pa55word-in-persistence-xml";
    private static final String IN_MAP = "Map-Pa55word-in-the-properties";
    private static final String IN_URL = "Url-Pa55word-in-the-jdbc-url";
    private static final List<String> PASSWORDS = List.of(IN_XML, IN_MAP, IN_URL);
    private static final List<String> seen = new ArrayList<>();

    /** A router whose constructor fails quoting a password, as one reading its configuration badly might. */
    public static final class Indiscreet implements DatabaseRouter {
        public Indiscreet() {
            throw new IllegalStateException("could not log in with password " + IN_MAP);
        }
    }

    private static Map<String, Object> map() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("multidb.databases.other.url", "jdbc:h2:mem:secrets-other;DB_CLOSE_DELAY=-1");
        properties.put("multidb.databases.other.username", "sa");
        properties.put("multidb.databases.other.password", IN_MAP);
        properties.put("multidb.databases.third.url", "jdbc:h2:mem:secrets-third;DB_CLOSE_DELAY=-1;PASSWORD=" + IN_URL);
        return properties;
    }

    @Test
    void everyLoggerIsAtTrace() {
        assertThat(org.jboss.logging.Logger.getLogger("org.hibernate.orm.jdbc.bind").isTraceEnabled()).isTrue();
        assertThat(org.slf4j.LoggerFactory.getLogger("org.hibernate").isTraceEnabled()).isTrue();
    }

    @Test
    void aWorkingFactoryShowsNoPassword() {
        try (MultiDbEntityManagerFactory factory =
                     (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("secrets", map())) {
            note(factory.toString());
            note(factory.getProperties().toString());
            factory.runInTransaction(em -> em.persist(new Person("traced")));
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                note(em.getProperties().toString());
                note(em.toString());
                note(String.valueOf(em.using("other").createQuery("select count(p) from Person p").getSingleResult()));
                note(failureOf(() -> em.createNativeQuery("select nothing from nowhere").getResultList()));
                note(failureOf(() -> em.using("third").createNativeQuery("select 1 from nowhere").getResultList()));
            }
            note(failureOf(() -> {
                try (Connection connection = factory.dataSource("other").getConnection("sa", "wrong")) {
                    return connection;
                }
            }));
        }
    }

    @Test
    void aFailedBootstrapShowsNoPassword() {
        Map<String, Object> badUrl = map();
        badUrl.put("multidb.databases.third.url", "jdbc:h2:tcp://127.0.0.1:1/mem:x;PASSWORD=" + IN_URL);
        note(failureOf(() -> Persistence.createEntityManagerFactory("secrets", badUrl)));

        Map<String, Object> badRouter = map();
        badRouter.put("multidb.routers", Indiscreet.class.getName());
        Throwable routerFailure = catchThrowable(() -> Persistence.createEntityManagerFactory("secrets", badRouter));
        assertThat(routerFailure).isInstanceOf(MultiDbException.class).hasMessageContaining("could not log in");
        note(describe(routerFailure));

        Map<String, Object> badKey = map();
        badKey.put("multidb.databases.other.pasword", IN_MAP);
        note(failureOf(() -> Persistence.createEntityManagerFactory("secrets", badKey)));
    }

    @AfterAll
    static void nothingShowedAPassword() throws IOException {
        String everything = String.join("\n", seen);
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/secrets-trace.log"));
        String logged = Files.exists(log) ? Files.readString(log) : "";
        // Hibernate's bind logging is at TRACE (JBoss Logging's SLF4J bridge labels it DEBUG): the log has TRACE output
        assertThat(logged).as("the TRACE log was written").contains("binding parameter (1:VARCHAR) <- [traced]");
        for (String password : PASSWORDS) {
            assertThat(everything).as("what the calls returned and threw").doesNotContain(password);
            assertThat(logged).as("the TRACE log (" + log + ")").doesNotContain(password);
        }
    }

    private static void note(String text) {
        seen.add(text);
    }

    private static String failureOf(ThrowingCall call) {
        Throwable failure = catchThrowable(call::run);
        assertThat(failure).isNotNull();
        return describe(failure);
    }

    /** Messages, causes, suppressed exceptions and stack traces: everything a log of the exception would show. */
    private static String describe(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object run() throws Exception;
    }
}
