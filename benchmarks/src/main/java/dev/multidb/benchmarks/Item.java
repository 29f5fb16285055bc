package dev.multidb.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The benchmarked entity: an assigned id, so {@code persist} costs no sequence or identity round trip
 * on either side and the measured work is routing, the persistence context and the insert itself.
 */
@Entity
public class Item {

    @Id
    private Long id;

    private String name;

    private int quantity;

    protected Item() {
    }

    public Item(long id, String name, int quantity) {
        this.id = id;
        this.name = name;
        this.quantity = quantity;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getQuantity() {
        return quantity;
    }
}
