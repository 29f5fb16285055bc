package dev.multidb.internal.config;

import static dev.multidb.internal.config.Settings.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.DatabaseRouter;
import dev.multidb.MultiDbException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterSettingsTest {

    private static final String URL = "multidb.databases.default.url";
    private static final String H2 = "jdbc:h2:mem:a";
    private static final String USERS = TestRouters.UsersRouter.class.getName();
    private static final String NEUTRAL = TestRouters.NeutralRouter.class.getName();

    @Test
    void classNamesAreInstantiatedInConfiguredOrder() {
        List<DatabaseRouter> routers = parse(URL, H2, "multidb.routers", " " + NEUTRAL + ", ," + USERS + ",").routers();

        assertThat(routers).hasExactlyElementsOfTypes(TestRouters.NeutralRouter.class, TestRouters.UsersRouter.class);
    }

    @Test
    void instancesClassesAndNamesMayBeMixedInACollectionOrArray() {
        DatabaseRouter instance = new TestRouters.UsersRouter();

        assertThat(parse(URL, H2, "multidb.routers", List.of(instance, TestRouters.NeutralRouter.class, USERS)).routers())
                .hasSize(3).startsWith(instance)
                .hasExactlyElementsOfTypes(TestRouters.UsersRouter.class, TestRouters.NeutralRouter.class,
                        TestRouters.UsersRouter.class);
        assertThat(parse(URL, H2, "multidb.routers", new Object[] {NEUTRAL + "," + USERS}).routers())
                .hasExactlyElementsOfTypes(TestRouters.NeutralRouter.class, TestRouters.UsersRouter.class);
        assertThat(parse(URL, H2, "multidb.routers", instance).routers()).containsExactly(instance);
    }

    @Test
    void routerNamesAreSubstituted() {
        assertThat(Settings.parseWith(Map.of("ROUTER", USERS), URL, H2, "multidb.routers", "${env:ROUTER}").routers())
                .hasExactlyElementsOfTypes(TestRouters.UsersRouter.class);
    }

    @Test
    void missingClassFailsSayingClassNotFound() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.routers", "com.acme.AuthRuoter"))
                .isInstanceOf(MultiDbException.class)
                .hasMessage("Cannot load router class 'com.acme.AuthRuoter' listed in 'multidb.routers':"
                        + " ClassNotFoundException. Check the spelling of the class name and that the class is on"
                        + " the classpath.")
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void classThatIsNotARouterFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.routers", TestRouters.NotARouter.class.getName()))
                .hasMessage("Class 'dev.multidb.internal.config.TestRouters$NotARouter' listed in 'multidb.routers'"
                        + " does not implement dev.multidb.DatabaseRouter. Implement the interface, or remove the"
                        + " class from 'multidb.routers'.");
    }

    @Test
    void routerWithoutNoArgConstructorFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.routers", TestRouters.ConfiguredRouter.class))
                .hasMessage("Router class 'dev.multidb.internal.config.TestRouters$ConfiguredRouter' listed in"
                        + " 'multidb.routers' has no public no-argument constructor. Add one, or pass a router"
                        + " instance under 'multidb.routers' in the properties map.");
    }

    @Test
    void abstractRouterFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.routers", TestRouters.AbstractRouter.class.getName()))
                .hasMessage("Router class 'dev.multidb.internal.config.TestRouters$AbstractRouter' listed in"
                        + " 'multidb.routers' cannot be instantiated because it is abstract. List a concrete class,"
                        + " or pass a router instance under 'multidb.routers' in the properties map.");
    }

    @Test
    void routerWhoseConstructorThrowsFailsWithTheCause() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.routers", TestRouters.FailingRouter.class.getName()))
                .hasMessage("Router class 'dev.multidb.internal.config.TestRouters$FailingRouter' listed in"
                        + " 'multidb.routers' failed in its constructor: IllegalStateException: no shard map."
                        + " Fix the router, or remove it from 'multidb.routers'.")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void valueOfAWrongTypeFails() {
        assertThatThrownBy(() -> parse(URL, H2, "multidb.routers", 42))
                .hasMessage("Invalid value '42' (java.lang.Integer) for 'multidb.routers'. Give router class names"
                        + " separated by commas, DatabaseRouter instances or their classes, for example"
                        + " com.acme.AuthRouter, com.acme.ShardRouter.");
        assertThatThrownBy(() -> parse(URL, H2, "multidb.routers", List.of(USERS, 7L)))
                .hasMessage("Invalid value '7' (java.lang.Long) for 'multidb.routers'. Give router class names"
                        + " separated by commas, DatabaseRouter instances or their classes, for example"
                        + " com.acme.AuthRouter, com.acme.ShardRouter.");
    }

    @Test
    void routersAreNotCreatedWhenTheRestIsInvalid() {
        assertThatThrownBy(() -> parse("multidb.routers", TestRouters.FailingRouter.class.getName()))
                .hasMessageStartingWith("No database is configured.");
    }
}
