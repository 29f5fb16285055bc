package dev.multidb.benchmarks.relations;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The other end of a line's associations; loaded once per fork. */
@Entity
public class Product {

    @Id
    private Long id;

    private String name;

    protected Product() {
    }

    public Product(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }
}
