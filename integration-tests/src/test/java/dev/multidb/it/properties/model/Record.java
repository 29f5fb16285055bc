package dev.multidb.it.properties.model;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every entity of the routing property has: an assigned id (so that the property, not a sequence,
 * decides which ids exist on which alias, and a shard's id decides its alias) and a label the property
 * changes to make an instance dirty and reads back with raw JDBC to see where each write landed.
 */
@MappedSuperclass
public abstract class Record {
    @Id
    private Long id;
    private String label;

    protected Record() {
    }

    protected Record(long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
