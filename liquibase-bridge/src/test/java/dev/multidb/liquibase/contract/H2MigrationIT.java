package dev.multidb.liquibase.contract;

import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;

/** The migration contract on H2 in memory. */
class H2MigrationIT extends MigrationContract {
    @Override
    Server server() {
        return DatabaseServers.h2();
    }
}
