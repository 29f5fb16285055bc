package dev.multidb.it.contract;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.PartialCommitException;
import dev.multidb.testmodel.Person;
import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract on a real PostgreSQL server, plus what only PostgreSQL can show: a failing commit. */
class PostgresContractIT extends EntityManagerContract {

    @Override
    protected Server server() {
        return DatabaseServers.postgres();
    }

    @Test
    void commitFailingOnTheSecondAliasAfterTheFirstCommittedIsReportedAsPartial() throws SQLException {
        // A deferred constraint is checked at commit: the flush passes, the commit of 'other' fails.
        execute("other", "alter table Person add constraint person_name_unique unique (name)"
                + " deferrable initially deferred");
        try {
            try (MultiDbEntityManager em = factory.createEntityManager()) {
                em.getTransaction().begin();
                em.persist(new Person("kept on default"));
                em.flush();
                em.using("other").persist(new Person("twin"));
                em.using("other").persist(new Person("twin"));
                assertThatThrownBy(() -> em.getTransaction().commit())
                        .isInstanceOfSatisfying(PartialCommitException.class, e -> {
                            assertThat(e.committed()).containsExactly("default");
                            assertThat(e.rolledBack()).containsExactly("other");
                        })
                        .hasMessageStartingWith("The commit failed part-way: committed on [default], rolled back"
                                + " on [other].");
                assertThat(em.getTransaction().isActive()).isFalse();
            }
            assertThat(count("default", "Person")).isEqualTo(1);
            assertThat(count("other", "Person")).isZero();
        } finally {
            execute("other", "alter table Person drop constraint person_name_unique");
        }
    }

    private void execute(String alias, String sql) throws SQLException {
        try (Connection connection = factory.dataSource(alias).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
