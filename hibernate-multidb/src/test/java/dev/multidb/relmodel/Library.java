package dev.multidb.relmodel;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.ArrayList;
import java.util.List;

@Entity
public class Library {
    @Id
    Long id;
    @ElementCollection
    List<Loan> loans = new ArrayList<>();
}
