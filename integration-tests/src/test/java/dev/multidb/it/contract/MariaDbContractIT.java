package dev.multidb.it.contract;

import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;

/** The contract on a real MariaDB server. */
class MariaDbContractIT extends EntityManagerContract {
    @Override
    protected Server server() {
        return DatabaseServers.mariadb();
    }
}
