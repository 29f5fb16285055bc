package dev.multidb.it.contract;

import dev.multidb.it.servers.DatabaseServers;
import dev.multidb.it.servers.Server;

/** The contract on a real MariaDB server. */
class MariaDbContractIT extends EntityManagerContract {
    @Override
    protected Server server() {
        return DatabaseServers.mariadb();
    }
}
