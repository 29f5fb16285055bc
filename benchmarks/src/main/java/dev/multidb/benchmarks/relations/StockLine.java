package dev.multidb.benchmarks.relations;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * The flushed entity: an assigned id (no sequence round trip) and two many-to-one associations, each of
 * which the relation guard checks before the row is inserted.
 */
@Entity
public class StockLine {

    @Id
    private Long id;

    private int quantity;

    @ManyToOne(fetch = FetchType.LAZY)
    private Product product;

    @ManyToOne(fetch = FetchType.LAZY)
    private Warehouse warehouse;

    protected StockLine() {
    }

    public StockLine(long id, int quantity, Product product, Warehouse warehouse) {
        this.id = id;
        this.quantity = quantity;
        this.product = product;
        this.warehouse = warehouse;
    }

    public Long getId() {
        return id;
    }
}
