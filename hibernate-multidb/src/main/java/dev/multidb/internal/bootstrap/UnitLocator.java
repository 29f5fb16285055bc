package dev.multidb.internal.bootstrap;

import jakarta.persistence.PersistenceException;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;
import org.hibernate.jpa.boot.spi.PersistenceXmlParser;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Finds a persistence unit by name in the {@code META-INF/persistence.xml} files on the class path. */
public final class UnitLocator {

    private UnitLocator() {
    }

    /** The unit named {@code name}, or {@code null} when no persistence.xml declares it. */
    public static PersistenceUnitDescriptor find(String name, Map<?, ?> properties) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = UnitLocator.class.getClassLoader();
        }
        List<URL> files;
        try {
            files = Collections.list(loader.getResources("META-INF/persistence.xml"));
        } catch (IOException e) {
            throw new PersistenceException("Could not list META-INF/persistence.xml on the class path: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            return null;
        }
        Map<String, PersistenceUnitDescriptor> units = PersistenceXmlParser.create(
                properties == null ? Map.of() : properties).parse(files);
        return units.get(name);
    }
}
