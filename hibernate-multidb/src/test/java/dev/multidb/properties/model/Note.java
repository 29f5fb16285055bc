package dev.multidb.properties.model;

import jakarta.persistence.Entity;

/** Read and written on {@code c}. */
@Entity
public class Note extends Record {

    protected Note() {
    }

    public Note(long id, String label) {
        super(id, label);
    }
}
