package dev.multidb.collmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Volume {

    @Id
    @GeneratedValue
    private Long id;

    private String title;

    @ManyToOne
    private Shelf shelf;

    protected Volume() {
    }

    Volume(String title, Shelf shelf) {
        this.title = title;
        this.shelf = shelf;
    }

    public String getTitle() {
        return title;
    }
}
