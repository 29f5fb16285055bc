package dev.multidb.internal.bootstrap;

import dev.multidb.internal.config.AppSettings;
import dev.multidb.internal.config.MultiDbSettings;

import java.util.Map;

/**
 * Which app an entity belongs to: the app whose {@code apps.<app>.packages} holds the entity's package
 * (the longest matching package wins), otherwise the last segment of the entity's package, as Django
 * names an app after its module.
 */
public final class Apps {

    private final Map<String, AppSettings> apps;
    private final ClassValue<String> appByType = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return resolve(type);
        }
    };

    public Apps(MultiDbSettings settings) {
        this.apps = settings.apps();
    }

    public String appOf(Class<?> type) {
        return appByType.get(type);
    }

    private String resolve(Class<?> type) {
        String packageName = type.getPackageName();
        String best = null;
        int bestLength = -1;
        for (AppSettings app : apps.values()) {
            for (String prefix : app.packages()) {
                boolean matches = packageName.equals(prefix) || packageName.startsWith(prefix + ".");
                if (matches && prefix.length() > bestLength) {
                    best = app.name();
                    bestLength = prefix.length();
                }
            }
        }
        if (best != null) {
            return best;
        }
        int dot = packageName.lastIndexOf('.');
        return dot < 0 ? packageName : packageName.substring(dot + 1);
    }
}
