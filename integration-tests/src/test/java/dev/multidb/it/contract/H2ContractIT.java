package dev.multidb.it.contract;

import dev.multidb.it.servers.DatabaseServers;
import dev.multidb.it.servers.Server;

/** The contract on H2. */
class H2ContractIT extends EntityManagerContract {
    @Override
    protected Server server() {
        return DatabaseServers.h2();
    }
}
