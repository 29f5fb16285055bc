package dev.multidb.benchmarks.bootstrap.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;

/** Entity type 27 of 50 of the bootstrap benchmark (see the package documentation). */
@Entity
public class E27 {

    @Id
    public Long id;

    public String name;

    public int quantity;

    public BigDecimal price;

    public Instant updated;
}
