package dev.multidb.it.properties.model;

import jakarta.persistence.Entity;

/**
 * Routed by the instance: a shard stays where it is stuck, and a new one goes to {@code a} when its id
 * is even and to {@code b} when it is odd. Reads without an instance have no alias (the application
 * names the shard with {@code using}).
 */
@Entity
public class Shard extends Record {

    protected Shard() {
    }

    public Shard(long id, String label) {
        super(id, label);
    }
}
