package dev.multidb.relmodel;

import jakarta.persistence.Embeddable;
import jakarta.persistence.ManyToOne;

/** An embeddable, kept in an element collection, that refers to an entity. */
@Embeddable
public class Loan {
    @ManyToOne
    Author author;
    String borrower;
}
