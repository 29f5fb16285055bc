package dev.multidb.demo.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An author of the "shop" app: written to primary, read from a replica. */
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
