package dev.multidb.pinmodel;

import dev.multidb.Database;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Pinned to 'auth', with an assigned id: Hibernate cannot tell from it whether an instance is new. */
@Entity
@Database("auth")
public class Badge {
    @Id
    public Long id;

    protected Badge() {
    }

    public Badge(long id) {
        this.id = id;
    }
}
