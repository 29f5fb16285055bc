package dev.multidb.properties;

import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue #4, item 5, on PostgreSQL: the routing property of hibernate-multidb's
 * {@code dev.multidb.properties.StatementRoutingPropertyTest}, with its three aliases on three fresh
 * databases of the run's PostgreSQL server. The model, the oracle and the checks come from that module's
 * test-jar (this class shares its package).
 */
class PostgresStatementRoutingPropertyIT {

    /** Generated sequences; the issue asks for at least 100 on PostgreSQL. */
    static final int TRIES = 100;

    private static final StatementLog log = new StatementLog();
    private static MultiDbEntityManagerFactory factory;

    @BeforeAll
    static void buildFactory() {
        Server server = DatabaseServers.postgres();
        Map<String, Object> properties = new HashMap<>();
        for (String alias : Placement.ALIASES) {
            properties.putAll(server.multidbProperties(alias, server.createDatabase("routing_property_" + alias)));
        }
        properties.put("multidb.routers", List.of(new ShopRouter()));
        factory = (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("routing-property", properties);
        factory.addStatementListener(log);
    }

    @AfterAll
    static void closeFactory() {
        if (factory != null) {
            factory.close();
        }
    }

    @Test
    void everyStatementGoesWhereTheRoutersSay() {
        System.out.println(RoutingRun.property(factory, log, TRIES));
    }
}
