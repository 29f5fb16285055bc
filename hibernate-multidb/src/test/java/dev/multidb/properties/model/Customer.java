package dev.multidb.properties.model;

import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;

import java.util.HashSet;
import java.util.Set;

/** Read and written on {@code a}; owns a lazy collection of invoices (the inverse side). */
@Entity
public class Customer extends Record {
    @OneToMany(mappedBy = "customer")
    private Set<Invoice> invoices = new HashSet<>();

    protected Customer() {
    }

    public Customer(long id, String label) {
        super(id, label);
    }

    public Set<Invoice> getInvoices() {
        return invoices;
    }
}
