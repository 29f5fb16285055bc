package dev.multidb.it.properties.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** Read and written on {@code a}, next to its customer: a lazy many-to-one within one alias. */
@Entity
public class Invoice extends Record {
    @ManyToOne(fetch = FetchType.LAZY)
    private Customer customer;

    protected Invoice() {
    }

    public Invoice(long id, String label, Customer customer) {
        super(id, label);
        this.customer = customer;
    }

    public Customer getCustomer() {
        return customer;
    }
}
