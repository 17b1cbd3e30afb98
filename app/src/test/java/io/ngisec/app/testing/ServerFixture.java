package io.ngisec.app.testing;

import io.ngisec.client.testing.PolicyServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

/** A real policy server process whose policy lets everyone reach everyone with every service. */
public final class ServerFixture {

    /** Everyone may call, chat and send files to everyone. */
    public static final String ALLOW_ALL = """
            { "rules": [ { "name": "everyone", "action": "allow", "from": ["*"], "to": ["*"],
                           "services": { "call": "voice", "chat": "interactive", "file": "bulk" } } ] }
            """;

    private ServerFixture() {
    }

    public static PolicyServerProcess start(Path dir) throws IOException, InterruptedException, TimeoutException {
        PolicyServerProcess server = PolicyServerProcess.start(dir);
        try {
            server.applyPolicy(ALLOW_ALL);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
