package dev.multidb.it.faults;

import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;

/** The faults on a real MariaDB server. */
class MariaDbFaultsIT extends FaultsContract {

    @Override
    protected Server server() {
        return DatabaseServers.mariadb();
    }
}
