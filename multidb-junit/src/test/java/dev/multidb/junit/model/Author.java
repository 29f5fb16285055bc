package dev.multidb.junit.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Referenced by {@link Book}: emptying tables must cope with the foreign key. */
@Entity
public class Author {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    protected Author() {
    }

    public Author(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
