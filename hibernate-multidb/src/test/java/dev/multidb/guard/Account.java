package dev.multidb.guard;

import jakarta.persistence.Entity;

/** Guard entity on {@code default}: no router, no pin. */
@Entity
public class Account extends GuardRow {

    protected Account() {
    }

    public Account(long id) {
        super(id);
    }
}
