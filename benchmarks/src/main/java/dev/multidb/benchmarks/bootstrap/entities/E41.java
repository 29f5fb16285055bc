package dev.multidb.benchmarks.bootstrap.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.math.BigDecimal;
import java.time.Instant;

/** Entity type 41 of 50 of the bootstrap benchmark (see the package documentation). */
@Entity
public class E41 {

    @Id
    public Long id;

    public String name;

    public int quantity;

    public BigDecimal price;

    public Instant updated;

    @ManyToOne(fetch = FetchType.LAZY)
    public E09 parent;
}
