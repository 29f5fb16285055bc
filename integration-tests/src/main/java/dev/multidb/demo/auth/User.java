package dev.multidb.demo.auth;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user of the "auth" app: the AuthRouter keeps it on auth_db. */
@Entity
@Table(name = "auth_user")
public class User {
    @Id
    @GeneratedValue
    private Long id;
    private String username;

    protected User() {
    }

    public User(String username) {
        this.username = username;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }
}
