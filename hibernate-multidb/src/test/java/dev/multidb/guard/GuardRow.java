package dev.multidb.guard;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** The columns of both guard entities: an assigned id (no sequence round trips), a label, an amount. */
@MappedSuperclass
public abstract class GuardRow {

    @Id
    private Long id;

    private String label;

    private long amount;

    protected GuardRow() {
    }

    protected GuardRow(long id) {
        this.id = id;
        this.label = getClass().getSimpleName() + " " + id;
        this.amount = id;
    }

    public Long getId() {
        return id;
    }

    public long getAmount() {
        return amount;
    }

    public void add(long more) {
        amount += more;
    }
}
