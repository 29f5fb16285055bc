package dev.multidb;

import dev.multidb.support.TestFactories;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database that cannot be reached at bootstrap is named, with its URL and the driver's own error. */
class UnreachableAtBootstrapTest {

    private static final String PASSWORD = "unreachable-s3cret";

    /** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aClosedPortNamesTheAliasTheUrlAndTheDriversError() throws IOException {
        int port = closedPort();
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:nothing";
        assertThatThrownBy(() -> TestFactories.books(Map.of("multidb.databases.other.url", url,
                "multidb.databases.other.password", PASSWORD)))
                .isInstanceOf(MultiDbException.class)
                .hasMessageStartingWith("Cannot connect to the database 'other' at " + url + " to start the factory: ")
                .hasMessageContaining("Connection refused")
                .hasMessageEndingWith("Check that its server runs and can be reached from here, that the database"
                        + " exists and that the credentials and the pool's settings (multidb.databases.other.hikari.*)"
                        + " are right; setting 'multidb.databases.other.dialect' lets the factory start without"
                        + " asking the database which product it is.")
                .satisfies(failure -> assertThat(messages(failure)).noneMatch(m -> m.contains(PASSWORD)));
    }

    @Test
    void theLeadAliasOfAProductTooWhichHibernateAsksForItsDialect() throws IOException {
        String url = "jdbc:h2:tcp://127.0.0.1:" + closedPort() + "/mem:nothing";
        assertThatThrownBy(() -> TestFactories.books(Map.of("multidb.databases.default.url", url,
                "jakarta.persistence.schema-generation.database.action", "none")))
                .isInstanceOf(MultiDbException.class)
                .hasMessageStartingWith("Cannot connect to the database 'default' at " + url + " to start the factory: ")
                .hasMessageContaining("Connection refused");
    }

    @Test
    void aBadConnectionInitSqlIsTheDriversErrorToo() {
        assertThatThrownBy(() -> TestFactories.books(Map.of(
                "multidb.databases.default.hikari.connectionInitSql", "select nothing from nowhere")))
                .isInstanceOf(MultiDbException.class)
                .hasMessageStartingWith("Cannot connect to the database 'default' at jdbc:h2:mem:default-")
                .hasMessageContaining("NOWHERE");
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            for (Throwable suppressed : t.getSuppressed()) {
                messages.add(String.valueOf(suppressed.getMessage()));
            }
        }
        return messages;
    }
}
