package dev.multidb.properties;

import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;
import jakarta.persistence.Persistence;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

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

    @BeforeContainer
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

    @AfterContainer
    static void closeFactory() {
        if (factory != null) {
            factory.close();
        }
    }

    @BeforeTry
    void emptyTables() {
        StepChecks.emptyTables(factory);
        log.clear();
    }

    @Provide
    Arbitrary<List<Action>> unitsOfWork() {
        return Action.sequences(40);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.FULL)
    void everyStatementGoesWhereTheRoutersSay(@ForAll("unitsOfWork") List<Action> actions) {
        RoutingRun.check(factory, log, actions);
    }
}
