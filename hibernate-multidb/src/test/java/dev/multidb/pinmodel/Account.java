package dev.multidb.pinmodel;

import dev.multidb.Database;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Pinned to 'auth' with {@code @Database}. */
@Entity
@Database("auth")
public class Account {
    @Id
    @GeneratedValue
    public Long id;
    public String login;

    protected Account() {
    }

    public Account(String login) {
        this.login = login;
    }
}
