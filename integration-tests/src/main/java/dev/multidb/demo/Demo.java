package dev.multidb.demo;

import dev.multidb.MultiDbEntityManager;
import dev.multidb.MultiDbEntityManagerFactory;
import dev.multidb.demo.auth.User;
import dev.multidb.demo.shop.Author;
import dev.multidb.demo.shop.Book;
import jakarta.persistence.Persistence;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Django's multiple-database documentation scenario on embedded H2 databases: {@code auth_db} for the
 * users, {@code primary} with {@code replica1} and {@code replica2} for everything else, routed by
 * {@link AuthRouter} then {@link PrimaryReplicaRouter}. It prints, for each operation, where each SQL
 * statement ran.
 *
 * <p>H2 has no replication, so each replica alias opens the primary's
 * own in-memory database through a pool of its own: the routing is real, the copy is the same data.
 */
public final class Demo {

    private static final PrintStream out = System.out;

    private Demo() {
    }

    public static void main(String[] args) {
        try (MultiDbEntityManagerFactory factory =
                     (MultiDbEntityManagerFactory) Persistence.createEntityManagerFactory("demo")) {
            factory.addStatementListener((alias, sql) -> out.printf("    [%-8s] %s%n", alias, sql));
            out.println("Aliases: " + factory.aliases());

            step("persist a user (AuthRouter -> auth_db) and a book with its author (-> primary)", factory, em -> {
                em.persist(new User("alice"));
                Author author = new Author("Marty Alchin");
                em.persist(author);
                em.persist(new Book("Pro Django", author));
            });

            Book[] book = new Book[1];
            step("query books (PrimaryReplicaRouter -> a random replica)", factory, em -> {
                book[0] = em.createQuery("from Book", Book.class).getSingleResult();
                out.println("    found '" + book[0].getTitle() + "', stuck to " + em.aliasOf(book[0]));
                out.println("  lazy author loads from the alias its book came from:");
                out.println("    author is " + book[0].getAuthor().getName());
            });

            step("find the user (-> auth_db)", factory, em ->
                    out.println("    user " + em.find(User.class, 1L).getUsername()));

            step("change the book read from a replica (the write router sends it to primary)", factory, em -> {
                Book loaded = em.createQuery("from Book", Book.class).getSingleResult();
                out.println("    loaded from " + em.aliasOf(loaded));
                loaded.setTitle("Pro Django, 2nd edition");
                em.flush();
                out.println("    now stuck to " + em.aliasOf(loaded));
            });

            step("using(\"auth_db\") ignores routers", factory, em ->
                    out.println("    users: " + em.using("auth_db")
                            .createQuery("select count(u) from User u", Long.class).getSingleResult()));
        }
    }

    private static void step(String title, MultiDbEntityManagerFactory factory, Consumer<MultiDbEntityManager> work) {
        out.println();
        out.println("> " + title);
        try (MultiDbEntityManager em = factory.createEntityManager()) {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        }
    }
}
