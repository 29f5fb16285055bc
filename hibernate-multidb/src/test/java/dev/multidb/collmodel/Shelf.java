package dev.multidb.collmodel;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import org.hibernate.annotations.CollectionId;
import org.hibernate.annotations.CollectionIdJdbcTypeCode;
import org.hibernate.annotations.SortNatural;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** One lazy collection of every kind Hibernate has (arrays are never lazy). */
@Entity
public class Shelf {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @OneToMany(mappedBy = "shelf", cascade = CascadeType.ALL)
    private List<Volume> volumes = new ArrayList<>();

    @ElementCollection
    private List<String> tags = new ArrayList<>();

    @ElementCollection
    @OrderColumn
    private List<String> ordered = new ArrayList<>();

    @ElementCollection
    @CollectionId(column = @Column(name = "entry_id"), generator = "increment")
    @CollectionIdJdbcTypeCode(Types.BIGINT)
    private List<String> entries = new ArrayList<>();

    @ElementCollection
    private Set<String> labels = new HashSet<>();

    @ElementCollection
    @OrderBy
    private Set<String> orderedLabels = new LinkedHashSet<>();

    @ElementCollection
    @SortNatural
    private SortedSet<String> sorted = new TreeSet<>();

    @ElementCollection
    private Map<String, String> notes = new HashMap<>();

    @ElementCollection
    @SortNatural
    private SortedMap<String, String> sortedNotes = new TreeMap<>();

    protected Shelf() {
    }

    /** A shelf with one volume and one element in every collection. */
    public Shelf(String name) {
        this.name = name;
        Volume volume = new Volume("first", this);
        volumes.add(volume);
        tags.add("tag");
        ordered.add("ordered");
        entries.add("entry");
        labels.add("label");
        orderedLabels.add("ordered label");
        sorted.add("sorted");
        notes.put("key", "note");
        sortedNotes.put("key", "sorted note");
    }

    public Long getId() {
        return id;
    }

    /** Every collection by the name of its attribute. */
    public Map<String, Object> collections() {
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("volumes", volumes);
        all.put("tags", tags);
        all.put("ordered", ordered);
        all.put("entries", entries);
        all.put("labels", labels);
        all.put("orderedLabels", orderedLabels);
        all.put("sorted", sorted);
        all.put("notes", notes);
        all.put("sortedNotes", sortedNotes);
        return all;
    }
}
