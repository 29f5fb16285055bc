package dev.multidb.internal.bootstrap;

import dev.multidb.internal.config.DatabaseSettings;
import dev.multidb.internal.config.MultiDbSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups aliases by database product, since Hibernate fixes one dialect per session factory.
 *
 * <p>The product is the explicit {@code dialect} when one is set, otherwise the JDBC URL's sub-protocol
 * ({@code jdbc:postgresql:...} is {@code postgresql}), so no connection is needed to group. Aliases
 * sharing a product share one session factory; Hibernate detects that factory's dialect on the group's
 * lead alias ({@code default} when it is in the group). The group holding {@code default} comes first.
 */
final class ProductGroups {

    private ProductGroups() {
    }

    /** One entry per product: the product key and its aliases, lead first. */
    static Map<String, List<String>> of(MultiDbSettings settings) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (settings.aliases().contains("default")) {
            groups.put(productOf(settings.database("default")), new ArrayList<>(List.of("default")));
        }
        for (DatabaseSettings database : settings.databases()) {
            if (!database.alias().equals("default")) {
                groups.computeIfAbsent(productOf(database), key -> new ArrayList<>()).add(database.alias());
            }
        }
        return groups;
    }

    static String productOf(DatabaseSettings database) {
        if (database.dialect() != null) {
            return "dialect:" + database.dialect();
        }
        String url = database.url().toLowerCase(Locale.ROOT);
        String[] parts = url.split(":", 4);
        if (parts.length >= 3 && parts[1].equals("tc")) {
            return parts[2];
        }
        return parts.length >= 2 ? parts[1] : url;
    }

    /** The explicit dialect of a group's product, or {@code null} to let Hibernate detect it. */
    static String dialectOf(String product) {
        return product.startsWith("dialect:") ? product.substring("dialect:".length()) : null;
    }
}
