package dev.multidb.guard;

import dev.multidb.Database;
import jakarta.persistence.Entity;

/** Guard entity pinned to {@code other}; plain Hibernate ignores the pin. */
@Entity
@Database("other")
public class Entry extends GuardRow {

    protected Entry() {
    }

    public Entry(long id) {
        super(id);
    }
}
