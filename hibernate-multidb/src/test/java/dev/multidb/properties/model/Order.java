package dev.multidb.properties.model;

import jakarta.persistence.Entity;

/** Read and written on {@code b}. The entity name avoids the SQL and JPQL keyword {@code order}. */
@Entity(name = "Orders")
public class Order extends Record {

    protected Order() {
    }

    public Order(long id, String label) {
        super(id, label);
    }
}
