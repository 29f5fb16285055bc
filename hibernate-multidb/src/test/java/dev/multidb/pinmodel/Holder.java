package dev.multidb.pinmodel;

import dev.multidb.Database;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Pinned to 'default', and related to a {@link Badge} pinned to 'auth'. */
@Entity
@Database("default")
public class Holder {
    @Id
    public Long id;
    @ManyToOne
    public Badge badge;

    protected Holder() {
    }

    public Holder(long id, Badge badge) {
        this.id = id;
        this.badge = badge;
    }
}
