package io.ngisec.client.store;

import java.nio.file.Path;

/**
 * A second process of a home, for {@link PeerDatabaseReconnectTest}: opens the database first (so
 * it serves it to later processes), says so, and exits when its stdin closes or says "exit".
 */
public final class DatabaseServer {

    private DatabaseServer() {
    }

    public static void main(String[] args) throws Exception {
        try (PeerDatabase db = PeerDatabase.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            System.in.read();
        }
    }
}
