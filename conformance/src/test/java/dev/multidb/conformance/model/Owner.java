package dev.multidb.conformance.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The target of {@link Item#getOwner()}. */
@Entity
public class Owner {
    @Id
    private Long id;
    private String name;

    protected Owner() {
    }

    public Owner(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "Owner#" + id;
    }
}
