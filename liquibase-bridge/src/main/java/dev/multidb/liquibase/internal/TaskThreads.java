package dev.multidb.liquibase.internal;

import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import liquibase.Scope;
import liquibase.SingletonScopeManager;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.configuration.core.EnvironmentValueProvider;
import liquibase.configuration.core.SystemPropertyValueProvider;

/**
 * The threads the bridge's tasks run on: each has a Liquibase root scope of its own.
 *
 * <p>Why: Liquibase looks a setting up many times per changeset, and each lookup, in every provider of
 * the root scope's configuration, takes that provider's lock and recomputes the hash of its whole
 * source, copying the system properties under the JVM-wide lock of {@link System#getProperties()} to do
 * so. On a shared root scope, aliases migrating in parallel wait for each other there (measured: on H2,
 * {@code migrate --all} was no faster than one alias after another). Each task thread therefore builds
 * its own root scope (a few milliseconds) in which the system properties and the environment are read
 * once, when the task starts. A side effect wanted anyway: the bridge's tasks neither see nor change the
 * caller's own Liquibase scope.
 */
public final class TaskThreads {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TaskThreads() {
    }

    /** Threads named {@code <prefix>-<n>}, daemon, each with its own Liquibase root scope. */
    public static ThreadFactory factory(String prefix) {
        return runnable -> {
            Thread thread = new Thread(() -> {
                isolate();
                runnable.run();
            }, prefix + "-" + COUNTER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs {@code work} on a new task thread and waits for it; its exceptions are rethrown as they are
     * (checked ones wrapped in an {@link IllegalStateException}).
     */
    public static <T> T call(String name, Callable<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = factory(name).newThread(() -> {
            try {
                result.set(work.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + thread.getName(), e);
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown);
        }
        return result.get();
    }

    /** Gives the current thread a root scope of its own, with settings read once from the JVM. */
    static void isolate() {
        Scope.setScopeManager(new SingletonScopeManager());
        LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
        for (ConfigurationValueProvider provider : new ArrayList<>(configuration.getProviders())) {
            if (provider.getClass() == SystemPropertyValueProvider.class) {
                configuration.unregisterProvider(provider);
                configuration.registerProvider(new FrozenSystemProperties());
            } else if (provider.getClass() == EnvironmentValueProvider.class) {
                configuration.unregisterProvider(provider);
                configuration.registerProvider(new FrozenEnvironment());
            }
        }
    }

    /** The system properties as they were when the task started. */
    private static final class FrozenSystemProperties extends SystemPropertyValueProvider {
        private final Properties properties = (Properties) System.getProperties().clone();

        @Override
        protected Map<?, ?> getMap() {
            return properties;
        }

        @Override
        protected int getMapHash() {
            return 0; // never changes: the cache of looked-up values stays valid
        }
    }

    /** The environment (it cannot change while the JVM runs). */
    private static final class FrozenEnvironment extends EnvironmentValueProvider {
        @Override
        protected int getMapHash() {
            return 0;
        }
    }
}
