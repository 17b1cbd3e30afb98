package io.ngisec.server.home;

import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoreException;
import java.util.Objects;

/** A database to open: its JDBC URL and the user and password (either may be null) to log in with. */
public record StoreTarget(String url, String user, String password) {

    public StoreTarget {
        Objects.requireNonNull(url, "url");
    }

    public JdbcServerStore open() throws StoreException {
        return JdbcServerStore.open(url, user, password);
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "StoreTarget[" + url + ", user " + user + "]";
    }
}
