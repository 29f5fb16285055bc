package dev.multidb.junit;

import java.util.Objects;

/**
 * A statement was sent to a database alias that the running test class did not declare in
 * {@link MultiDbTest#databases()}. Django's {@code DatabaseOperationForbidden}: an {@link AssertionError},
 * so that it fails the test (and is not swallowed by code that catches {@link RuntimeException}s).
 *
 * <p>It is thrown on the thread that sends the statement, before the statement reaches the driver, for
 * every path to the database: the entity manager, {@code dataSource(alias)} connections, and any other
 * thread. The message is fixed (docs/errors.md), for example:
 * {@code Database queries to 'other' are not allowed in this test. Add 'other' to
 * @MultiDbTest(databases = ...) on com.acme.OrderTest to ensure proper test isolation and silence this
 * failure.}
 */
public class DatabaseOperationForbiddenException extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String alias;
    private final String testClassName;

    /**
     * @param alias         the undeclared alias the statement was sent to
     * @param testClassName the fully qualified name of the class carrying {@link MultiDbTest}
     */
    public DatabaseOperationForbiddenException(String alias, String testClassName) {
        super(message(Objects.requireNonNull(alias, "alias"), Objects.requireNonNull(testClassName, "testClassName")));
        this.alias = alias;
        this.testClassName = testClassName;
    }

    /** The message for {@code alias} and the test class {@code testClassName}. */
    static String message(String alias, String testClassName) {
        return "Database queries to '" + alias + "' are not allowed in this test. Add '" + alias
                + "' to @MultiDbTest(databases = ...) on " + testClassName
                + " to ensure proper test isolation and silence this failure.";
    }

    /** The alias the forbidden statement was sent to. */
    public String alias() {
        return alias;
    }

    /** The fully qualified name of the test class whose declaration forbids the alias. */
    public String testClassName() {
        return testClassName;
    }
}
