package dev.multidb.junit.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** App {@code audit}: routed to, and generated on, {@code third} only. */
@Entity
public class AuditEntry {

    @Id
    @GeneratedValue
    private Long id;

    private String message;

    protected AuditEntry() {
    }

    public AuditEntry(String message) {
        this.message = message;
    }

    public Long getId() {
        return id;
    }
}
