package dev.multidb;

import dev.multidb.support.LogCapture;
import dev.multidb.support.TestFactories;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A connection that fails, with the password given as a key and inside the JDBC URL: neither the
 * exception (messages, causes, stack trace) nor anything logged shows it.
 */
class PasswordNeverShownTest {

    private static final String PASSWORD = "s3cr3t-PW";

    @Test
    void failedBootstrapConnectionShowsNoPassword() {
        String url = "jdbc:h2:mem:" + "secret-" + System.nanoTime() + ";PASSWORD=" + PASSWORD + ";NO_SUCH_SETTING=1";
        Map<String, Object> properties = new HashMap<>();
        properties.put("multidb.databases.other.url", url);
        properties.put("multidb.databases.other.username", "sa");
        properties.put("multidb.databases.other.password", PASSWORD);

        Output output = capture(() -> catchThrowable(() -> TestFactories.books(properties)));

        assertThat(output.failure()).isNotNull();
        assertThat(output.log()).doesNotContain(PASSWORD);
        assertThat(stackTrace(output.failure())).doesNotContain(PASSWORD);
    }

    @Test
    void failedRawConnectionShowsNoPassword() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("multidb.databases.other.url",
                "jdbc:h2:mem:pw-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        properties.put("multidb.databases.broken.url", "jdbc:nosuchdriver://admin:" + PASSWORD + "@db/app?password=" + PASSWORD);
        properties.put("multidb.databases.broken.password", PASSWORD);
        properties.put("multidb.databases.broken.dialect", "org.hibernate.dialect.H2Dialect");
        properties.put("multidb.routers", new DatabaseRouter() { });
        properties.put("jakarta.persistence.schema-generation.database.action", "none");

        try (MultiDbEntityManagerFactory factory = TestFactories.books(properties)) {
            assertThat(factory.toString()).doesNotContain(PASSWORD);
            Output output = capture(() -> catchThrowable(() -> {
                try (Connection ignored = factory.dataSource("broken").getConnection()) {
                    // not reached
                }
            }));
            assertThat(output.failure()).isNotNull();
            assertThat(stackTrace(output.failure()))
                    .as("the driver's message echoes the URL, with the password masked")
                    .contains("jdbc:nosuchdriver://admin:****@db/app")
                    .doesNotContain(PASSWORD);
            assertThat(output.log()).doesNotContain(PASSWORD);
        }
    }

    private record Output(Throwable failure, String log) {
    }

    private static Output capture(java.util.function.Supplier<Throwable> action) {
        Throwable[] failure = new Throwable[1];
        try {
            String log = LogCapture.during(() -> failure[0] = action.get());
            return new Output(failure[0], log);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
