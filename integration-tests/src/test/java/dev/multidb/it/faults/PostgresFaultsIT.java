package dev.multidb.it.faults;

import dev.multidb.testservers.DatabaseServers;
import dev.multidb.testservers.Server;

/** The faults on a real PostgreSQL server. */
class PostgresFaultsIT extends FaultsContract {

    @Override
    protected Server server() {
        return DatabaseServers.postgres();
    }
}
