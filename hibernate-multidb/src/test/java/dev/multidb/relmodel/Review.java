package dev.multidb.relmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Review extends Attached {
    @Id
    Long id;
}
