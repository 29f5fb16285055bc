package dev.multidb.relmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Novel {
    @Id
    Long id;
    @ManyToOne
    Author author;
}
