package dev.multidb.relmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.util.ArrayList;
import java.util.List;

@Entity
public class Author {
    @Id
    Long id;
    @OneToMany(mappedBy = "author")
    List<Novel> novels = new ArrayList<>();
}
