package dev.multidb.internal.routing;

import static dev.multidb.internal.routing.Fixtures.DEFAULT_AND_OTHER;
import static dev.multidb.internal.routing.Fixtures.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import dev.multidb.internal.routing.Fixtures.Book;
import dev.multidb.internal.routing.Fixtures.Person;
import dev.multidb.internal.routing.Fixtures.Stickiness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** allowRelation and allowMigrate: first opinion wins, then Django's fallbacks. */
class RouterChainRelationAndMigrateTest {

    private static DatabaseRouter relation(Boolean answer) {
        return new DatabaseRouter() {
            @Override
            public Boolean allowRelation(Object a, Object b, Hints hints) {
                return answer;
            }
        };
    }

    private static DatabaseRouter migrate(Boolean answer) {
        return new DatabaseRouter() {
            @Override
            public Boolean allowMigrate(String alias, String app, Hints hints) {
                return answer;
            }
        };
    }

    @Test
    void withoutAnyOpinionTheRelationQuestionIsUnanswered() {
        assertThat(chain(DEFAULT_AND_OTHER, relation(null), new DatabaseRouter() { })
                .askAllowRelation(new Book(), new Person())).isNull();
    }

    @Test
    void firstRelationOpinionWins() {
        assertThat(chain(DEFAULT_AND_OTHER, relation(null), relation(false), relation(true))
                .askAllowRelation(new Book(), new Person())).isFalse();
        assertThat(chain(DEFAULT_AND_OTHER, relation(true), relation(false))
                .allowRelation(new Book(), new Person())).isTrue();
    }

    @Test
    void routersAreAskedAboutRelationsWithBothObjects() {
        List<Object> seen = new ArrayList<>();
        DatabaseRouter recording = new DatabaseRouter() {
            @Override
            public Boolean allowRelation(Object a, Object b, Hints hints) {
                seen.add(a);
                seen.add(b);
                return null;
            }
        };
        Book book = new Book();
        Person person = new Person();

        chain(DEFAULT_AND_OTHER, recording).askAllowRelation(book, person);
        chain(DEFAULT_AND_OTHER, recording).askAllowRelation(Book.class, Person.class);

        assertThat(seen).containsExactly(book, person, Book.class, Person.class);
    }

    @Test
    void withoutOpinionRelationIsAllowedOnlyBetweenObjectsStuckToTheSameAlias() {
        Stickiness stickiness = new Stickiness();
        Book onDefault = stickiness.stick(new Book(), "default");
        Person onDefaultToo = stickiness.stick(new Person(), "default");
        Person onOther = stickiness.stick(new Person(), "other");
        RouterChain chain = new RouterChain(List.of(relation(null)), DEFAULT_AND_OTHER, stickiness::of);

        assertThat(chain.allowRelation(onDefault, onDefaultToo)).isTrue();
        assertThat(chain.allowRelation(onDefault, onOther)).isFalse();
        assertThat(chain.allowRelation(onDefault, new Person())).isFalse();
        assertThat(chain.allowRelation(new Book(), new Person())).isTrue();
    }

    @Test
    void relationOpinionWinsOverStickiness() {
        Stickiness stickiness = new Stickiness();
        Book onDefault = stickiness.stick(new Book(), "default");
        Person onOther = stickiness.stick(new Person(), "other");

        assertThat(new RouterChain(List.of(relation(true)), DEFAULT_AND_OTHER, stickiness::of)
                .allowRelation(onDefault, onOther)).isTrue();
    }

    @Test
    void migrationIsAllowedWhenNoRouterHasAnOpinion() {
        assertThat(chain(DEFAULT_AND_OTHER).allowMigrate("other", "app", Book.class)).isTrue();
        assertThat(chain(DEFAULT_AND_OTHER, migrate(null), new DatabaseRouter() { })
                .allowMigrate("other", "app", null)).isTrue();
    }

    @Test
    void firstMigrationOpinionWins() {
        assertThat(chain(DEFAULT_AND_OTHER, migrate(null), migrate(false), migrate(true))
                .allowMigrate("other", "app", Book.class)).isFalse();
    }

    @Test
    void routersAreAskedAboutMigrationWithAliasAppAndEntityType() {
        List<Object> seen = new ArrayList<>();
        DatabaseRouter recording = new DatabaseRouter() {
            @Override
            public Boolean allowMigrate(String alias, String app, Hints hints) {
                seen.add(alias);
                seen.add(app);
                seen.add(hints.entityType());
                return null;
            }
        };
        RouterChain chain = chain(DEFAULT_AND_OTHER, recording);

        chain.allowMigrate("other", "library", Book.class);
        chain.allowMigrate("default", "library", null);

        assertThat(seen).containsExactly("other", "library", Book.class, "default", "library", null);
    }
}
