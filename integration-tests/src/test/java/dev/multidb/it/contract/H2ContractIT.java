package dev.multidb.it.contract;

import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;

/** The contract on H2. */
class H2ContractIT extends EntityManagerContract {
    @Override
    protected Server server() {
        return DatabaseServers.h2();
    }

    @Override
    protected int parameterLimit() {
        return 0;
    }
}
