package dev.multidb.conformance;

/** Hibernate's JPA compliance settings the suite runs under: Hibernate's defaults, and JPA's strict rules. */
public enum Profile {
    HIBERNATE_DEFAULTS(),
    /** The compliance settings the Jakarta Persistence TCK runs Hibernate with. */
    JPA_COMPLIANT("hibernate.jpa.compliance.transaction", "true", "hibernate.jpa.compliance.closed", "true",
            "hibernate.jpa.compliance.query", "true", "hibernate.jpa.compliance.list", "true",
            "hibernate.jpa.compliance.caching", "true");

    private final String[] properties;

    Profile(String... properties) {
        this.properties = properties;
    }

    String[] properties() {
        return properties.clone();
    }
}
