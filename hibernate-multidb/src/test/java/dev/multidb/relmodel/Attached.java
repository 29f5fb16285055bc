package dev.multidb.relmodel;

import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** A mapped superclass whose association its entities inherit. */
@MappedSuperclass
public abstract class Attached {
    @ManyToOne
    Author author;
}
