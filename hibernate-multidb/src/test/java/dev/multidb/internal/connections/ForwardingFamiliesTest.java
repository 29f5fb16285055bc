package dev.multidb.internal.connections;

import dev.multidb.support.ForwardingContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.function.Function;
import java.util.stream.Stream;

/** The guard of the generated JDBC forwarding classes ({@link ForwardingContract}). */
class ForwardingFamiliesTest {

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(Connection.class, (Function<Object, Object>) t -> new ForwardingConnection((Connection) t) { }),
                Arguments.of(Statement.class, (Function<Object, Object>) t -> new ForwardingStatement((Statement) t) { }),
                Arguments.of(PreparedStatement.class,
                        (Function<Object, Object>) t -> new ForwardingPreparedStatement((PreparedStatement) t) { }));
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyMethodReachesTheTargetWithItsArgumentsAndResult(Class<?> type, Function<Object, Object> forwarding)
            throws Exception {
        ForwardingContract.check(type, forwarding, false);
    }
}
