package dev.multidb.benchmarks.relations;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One end of a line's associations; loaded once per fork. */
@Entity
public class Warehouse {

    @Id
    private Long id;

    private String name;

    protected Warehouse() {
    }

    public Warehouse(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }
}
