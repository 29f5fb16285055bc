package dev.multidb.internal.config;

import java.util.List;
import java.util.Objects;

/**
 * The settings of one app, from the {@code multidb.apps.<app>.*} keys.
 *
 * <p>Why apps are configured here at all: an app is the unit of migration (one Liquibase changelog)
 * and the unit routers reason about in {@code allowMigrate}. Most apps need no keys (an entity's app is
 * the last segment of its package); keys exist for a changelog, for packages that do not follow that
 * rule, and for an app that was renamed.
 *
 * @param name      the app name, matching {@code [A-Za-z_][A-Za-z0-9_-]*}
 * @param changelog the app's Liquibase changelog, or {@code null} when not configured
 * @param packages  the packages whose entities belong to the app, in configured order; empty when not
 *                  configured (then the default rule applies); unmodifiable
 * @param formerly  the app's former name, whose migration history it adopts, or {@code null}
 */
public record AppSettings(String name, String changelog, List<String> packages, String formerly) {

    /** Requires a name and freezes {@code packages}. */
    public AppSettings {
        Objects.requireNonNull(name, "name");
        packages = packages == null ? List.of() : List.copyOf(packages);
    }
}
