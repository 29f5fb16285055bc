package dev.multidb.junit.internal;

import dev.multidb.junit.MultiDbTestProperties;
import org.junit.platform.commons.support.ReflectionSupport;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one instance of a {@link MultiDbTestProperties} class in a test run, with its answers remembered:
 * a container is asked whether it can run once, and started once, however many classes name it. Kept in
 * the root store, before the factories that use it, so that it is closed after them.
 */
final class PropertiesSource implements AutoCloseable {

    /** No properties: what {@code @MultiDbTest}'s default {@code properties} means. */
    static final PropertiesSource NONE = new PropertiesSource(null);

    private final MultiDbTestProperties instance;
    private Optional<String> unavailableReason;
    private Map<String, Object> properties;
    private Exception failure;

    private PropertiesSource(MultiDbTestProperties instance) {
        this.instance = instance;
    }

    static PropertiesSource instantiate(Class<? extends MultiDbTestProperties> type) {
        if (type == MultiDbTestProperties.class) {
            return NONE;
        }
        return new PropertiesSource(ReflectionSupport.newInstance(type));
    }

    /** {@link MultiDbTestProperties#unavailableReason()}, asked once. */
    synchronized Optional<String> unavailableReason() {
        if (unavailableReason == null) {
            unavailableReason = instance == null ? Optional.empty()
                    : Objects.requireNonNullElse(instance.unavailableReason(), Optional.empty());
        }
        return unavailableReason;
    }

    /** {@link MultiDbTestProperties#properties()}, asked once; a failure is reported to every caller. */
    synchronized Map<String, Object> properties() throws Exception {
        if (properties == null && failure == null) {
            try {
                Map<String, ?> given = instance == null ? Map.of() : instance.properties();
                properties = given == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(given));
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return properties;
    }

    @Override
    public void close() throws Exception {
        if (instance instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return instance == null ? "no properties" : instance.getClass().getName();
    }
}
