package dev.multidb.internal.routing;

import static dev.multidb.internal.routing.Fixtures.DEFAULT_AND_OTHER;
import static dev.multidb.internal.routing.Fixtures.chain;
import static dev.multidb.internal.routing.Fixtures.sending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.DatabaseRouter;
import dev.multidb.Hints;
import dev.multidb.internal.routing.Fixtures.Book;
import dev.multidb.internal.routing.Fixtures.Person;
import dev.multidb.internal.routing.Fixtures.Stickiness;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** dbForRead / dbForWrite: router order, no-opinion, stickiness and default fallbacks, hints. */
class RouterChainRoutingTest {

    private static final Set<String> ALIASES = Set.of("default", "other", "third");

    @Test
    void withoutRoutersEverythingGoesToDefault() {
        RouterChain chain = chain(DEFAULT_AND_OTHER);

        assertThat(chain.dbForRead(Book.class, null)).isEqualTo("default");
        assertThat(chain.dbForWrite(Book.class, new Book())).isEqualTo("default");
        assertThat(chain.hasRouters()).isFalse();
    }

    @Test
    void firstRouterWithAnAnswerWins() {
        RouterChain chain = chain(ALIASES, sending(Person.class, "third"), sending(Book.class, "other"),
                sending(Book.class, "third"));

        assertThat(chain.dbForRead(Book.class, null)).isEqualTo("other");
        assertThat(chain.dbForWrite(Book.class, null)).isEqualTo("other");
        assertThat(chain.dbForRead(Person.class, null)).isEqualTo("third");
        assertThat(chain.hasRouters()).isTrue();
    }

    @Test
    void swappingRouterOrderChangesTheAnswer() {
        DatabaseRouter toOther = sending(Book.class, "other");
        DatabaseRouter toThird = sending(Book.class, "third");

        assertThat(chain(ALIASES, toOther, toThird).dbForRead(Book.class, null)).isEqualTo("other");
        assertThat(chain(ALIASES, toThird, toOther).dbForRead(Book.class, null)).isEqualTo("third");
    }

    @Test
    void routerWithoutTheMethodIsSkipped() {
        DatabaseRouter writesOnly = new DatabaseRouter() {
            @Override
            public String dbForWrite(Class<?> entityType, Hints hints) {
                return "third";
            }
        };
        DatabaseRouter silent = new DatabaseRouter() { };
        RouterChain chain = chain(ALIASES, silent, writesOnly, sending(Book.class, "other"));

        assertThat(chain.dbForRead(Book.class, null)).isEqualTo("other");
        assertThat(chain.dbForWrite(Book.class, null)).isEqualTo("third");
    }

    @Test
    void readOfStickyInstanceStaysOnItsAliasWhenNoRouterAnswers() {
        Stickiness stickiness = new Stickiness();
        Book loadedFromOther = stickiness.stick(new Book(), "other");
        RouterChain chain = new RouterChain(List.of(new DatabaseRouter() { }), ALIASES, stickiness::of);

        assertThat(chain.dbForRead(Book.class, loadedFromOther)).isEqualTo("other");
        assertThat(chain.dbForWrite(Book.class, loadedFromOther)).isEqualTo("other");
        assertThat(chain.dbForWrite(Book.class, new Book())).isEqualTo("default");
        assertThat(chain.dbForRead(Book.class, null)).isEqualTo("default");
    }

    @Test
    void routerAnswerWinsOverStickiness() {
        Stickiness stickiness = new Stickiness();
        Book loadedFromOther = stickiness.stick(new Book(), "other");
        RouterChain chain = new RouterChain(List.of(sending(Book.class, "third")), ALIASES, stickiness::of);

        assertThat(chain.dbForWrite(Book.class, loadedFromOther)).isEqualTo("third");
    }

    @Test
    void routersAreGivenTheInstanceAsHint() {
        List<Object> seen = new ArrayList<>();
        DatabaseRouter recording = new DatabaseRouter() {
            @Override
            public String dbForRead(Class<?> entityType, Hints hints) {
                seen.add(hints.instance());
                return null;
            }

            @Override
            public String dbForWrite(Class<?> entityType, Hints hints) {
                seen.add(hints.instance());
                assertThat(hints.entityType()).isNull();
                return null;
            }
        };
        Book book = new Book();
        RouterChain chain = chain(ALIASES, recording);

        chain.dbForRead(Book.class, book);
        chain.dbForWrite(Book.class, book);

        assertThat(seen).containsExactly(book, book);
    }

    @Test
    void staticAnswersAskRoutersWithEmptyHints() {
        List<Hints> seen = new ArrayList<>();
        DatabaseRouter recording = new DatabaseRouter() {
            @Override
            public String dbForRead(Class<?> entityType, Hints hints) {
                seen.add(hints);
                return "other";
            }

            @Override
            public String dbForWrite(Class<?> entityType, Hints hints) {
                seen.add(hints);
                return "third";
            }
        };
        RouterChain chain = chain(ALIASES, recording);

        assertThat(chain.staticDbForRead(Book.class)).isEqualTo("other");
        assertThat(chain.staticDbForWrite(Book.class)).isEqualTo("third");
        assertThat(seen).containsExactly(Hints.none(), Hints.none());
    }
}
