package dev.multidb.spi;

import java.util.List;

/**
 * One app of a unit ({@code multidb.apps.<name>.*}).
 *
 * @param name      the app's name
 * @param changelog its Liquibase changelog as configured, or {@code null}
 * @param packages  the entity packages that belong to it
 * @param formerly  the name whose migration history it adopts, or {@code null}
 */
public record ConfiguredApp(String name, String changelog, List<String> packages, String formerly) {
}
