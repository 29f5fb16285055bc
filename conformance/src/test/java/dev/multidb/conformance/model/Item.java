package dev.multidb.conformance.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;

/** A cacheable entity with an assigned id, a version and a lazy association; the conformance suite's subject. */
@Entity
@Cacheable
@NamedQuery(name = "Item.all", query = "select i from Item i order by i.id")
@NamedEntityGraph(name = "Item.withOwner", attributeNodes = @NamedAttributeNode("owner"))
public class Item {
    @Id
    private Long id;
    private String name;
    @Version
    private int version;
    @ManyToOne(fetch = FetchType.LAZY)
    private Owner owner;

    protected Item() {
    }

    public Item(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Owner getOwner() {
        return owner;
    }

    public void setOwner(Owner owner) {
        this.owner = owner;
    }

    @Override
    public String toString() {
        return "Item#" + id;
    }
}
