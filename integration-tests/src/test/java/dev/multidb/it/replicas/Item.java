package dev.multidb.it.replicas;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The replicated entity. Assigned ids, so that a test chooses rows no other test touches; cacheable, so
 * that the second-level cache test has something the cache may hold.
 */
@Entity
@Cacheable
public class Item {

    @Id
    private Long id;

    private String name;

    protected Item() {
    }

    public Item(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Item#" + id + "(" + name + ")";
    }
}
