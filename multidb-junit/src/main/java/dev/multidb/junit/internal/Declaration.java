package dev.multidb.junit.internal;

import dev.multidb.UnknownDatabaseException;
import dev.multidb.spi.Texts;
import dev.multidb.junit.MultiDbTest;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one test class declared in {@link MultiDbTest#databases()}, checked against the unit's aliases.
 *
 * @param testClassName the class named in messages: the class carrying the annotation
 * @param all           whether {@value MultiDbTest#ALL} was declared
 * @param aliases       the aliases the class may use (every configured alias when {@code all}), sorted
 */
record Declaration(String testClassName, boolean all, Set<String> aliases) {

    /**
     * Checks {@code annotation.databases()} against the configured aliases.
     *
     * @throws UnknownDatabaseException for the first declared alias that is not configured, with the
     *         message {@code <class>'s @MultiDbTest(databases = ...) refers to 'void' which is not a
     *         configured database.} and, for a close match, {@code  Did you mean 'default'?}
     */
    static Declaration of(Class<?> testClass, MultiDbTest annotation, Set<String> configured) {
        String name = testClass.getName();
        boolean all = false;
        Set<String> declared = new LinkedHashSet<>();
        for (String alias : annotation.databases()) {
            if (MultiDbTest.ALL.equals(alias)) {
                all = true;
            } else {
                declared.add(alias);
            }
        }
        for (String alias : declared) {
            if (!configured.contains(alias)) {
                throw new UnknownDatabaseException(unknownAliasMessage(name, alias, configured), alias);
            }
        }
        Set<String> allowed = new TreeSet<>(all ? configured : declared);
        return new Declaration(name, all, Collections.unmodifiableSet(allowed));
    }

    static String unknownAliasMessage(String testClassName, String alias, Set<String> configured) {
        String message = testClassName + "'s @MultiDbTest(databases = ...) refers to '" + alias
                + "' which is not a configured database.";
        return Texts.closest(alias, configured)
                .map(candidate -> message + " Did you mean '" + candidate + "'?")
                .orElse(message);
    }

    /** Whether statements may go to {@code alias}. */
    boolean allows(String alias) {
        return aliases.contains(alias);
    }
}
