package dev.multidb.liquibase.internal;

import java.util.HashMap;
import java.util.Map;
import liquibase.Scope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs work inside a Liquibase {@link Scope} set up for the bridge.
 *
 * <p>Why: Liquibase reads its resource accessor, its UI and its settings from the current scope, a
 * per-thread stack. The bridge's scope (1) resolves files through the app's {@code <app>/} accessor
 * first, so that {@code sqlFile} and {@code loadData} paths are found inside the app, (2) sends
 * Liquibase's console messages to its log instead of standard output, which the command line keeps for
 * results, and (3) switches Liquibase's usage analytics off.
 */
final class LiquibaseScope {

    private LiquibaseScope() {
    }

    /** Work that may throw. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} with the app's accessor (or none) in front of the class path. */
    static <T> T run(ResourceAccessor appAccessor, ClassLoader loader, Work<T> work) throws Exception {
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.ui.name(), new LoggerUIService());
        values.put("liquibase.analytics.enabled", Boolean.FALSE);
        ResourceAccessor classPath = new ClassLoaderResourceAccessor(loader);
        values.put(Scope.Attr.resourceAccessor.name(),
                appAccessor == null ? classPath : new CompositeResourceAccessor(appAccessor, classPath));
        values.put(Scope.Attr.classLoader.name(), loader);
        return Scope.child(values, work::run);
    }
}
