package dev.multidb.pinmodel;

import dev.multidb.Database;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Pinned to 'default', and related to an {@link Account} pinned to 'auth'. */
@Entity
@Database("default")
public class Profile {
    @Id
    public Long id;
    @ManyToOne
    public Account account;

    protected Profile() {
    }

    public Profile(long id, Account account) {
        this.id = id;
        this.account = account;
    }
}
