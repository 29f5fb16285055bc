package dev.multidb.internal.bootstrap;

import org.hibernate.service.Service;

/**
 * The library's service in every Hibernate service registry (as Envers has one in each): it holds the
 * {@link BootContext} of a session factory the library builds, and nothing for any other Hibernate unit of the
 * application, whose bootstrap the library then leaves alone.
 */
public final class UnitService implements Service {

    private static final long serialVersionUID = 1L;

    private final transient BootContext context;

    UnitService(BootContext context) {
        this.context = context;
    }

    /** The boot context of a multidb unit's session factory, or {@code null} for any other. */
    public BootContext context() {
        return context;
    }
}
