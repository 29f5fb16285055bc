package dev.multidb.internal.session;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * How many bind parameters one statement on an alias may carry: the dialect's own limit when it declares
 * one, else the limit of the JDBC protocol Hibernate does not know about (PostgreSQL's driver refuses more
 * than 65,535; so do MariaDB's and MySQL's server-side prepared statements).
 *
 * @param max      the limit, or 0 when there is none
 * @param database the database's name for messages
 * @param padding  whether Hibernate pads IN lists to the next power of two
 *                 ({@code hibernate.query.in_clause_parameter_padding})
 */
record ParameterLimit(int max, String database, boolean padding) {

    static final int PROTOCOL_LIMIT = 65_535;

    static ParameterLimit of(SessionFactoryImplementor factory) {
        Dialect dialect = factory.getJdbcServices().getDialect();
        int declared = dialect.getParameterCountLimit();
        int max = declared > 0 ? declared
                : dialect instanceof PostgreSQLDialect || dialect instanceof MySQLDialect ? PROTOCOL_LIMIT : 0;
        String database = dialect.getClass().getSimpleName().replaceFirst("Dialect$", "");
        return new ParameterLimit(max, database,
                factory.getSessionFactoryOptions().inClauseParameterPaddingEnabled());
    }

    boolean any() {
        return max > 0;
    }

    /** The parameters a list of {@code size} values takes, padding included. */
    int cost(int size) {
        return padding && size > 1 ? Integer.highestOneBit(size - 1) << 1 : size;
    }
}
