package dev.multidb.it.replicas;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Refers to an {@link Item}: the relation Django's primary/replica router allows inside the pool. */
@Entity
public class Review {

    @Id
    private Long id;

    private String text;

    @ManyToOne(fetch = FetchType.LAZY)
    private Item item;

    protected Review() {
    }

    public Review(long id, String text, Item item) {
        this.id = id;
        this.text = text;
        this.item = item;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public Item getItem() {
        return item;
    }
}
