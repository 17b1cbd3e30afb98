package io.ngisec.server.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** server.conf: what the writer writes the reader reads back; mistakes are named by line. */
class ServerConfigReaderTest {

    @Test
    void readsWhatTheWriterWrites() throws Exception {
        ServerConfig config = new ServerConfig("Acme Corp", URI.create("https://policy.acme.example:9443"),
                "127.0.0.1:9443", "jdbc:postgresql://db/ngisec", "ngisec", "secrets/db.password",
                List.of("stun:turn.acme.example:3478"), List.of("turn:turn.acme.example:3478?transport=udp",
                        "turns:turn.acme.example:5349"), "secrets/turn.secret");

        assertThat(ServerConfigReader.read(ServerConfigWriter.write(config))).isEqualTo(config);
        assertThat(ServerConfigReader.read(ServerConfigWriter.write(ServerConfig.initial("Acme", "h", 8443))))
                .isEqualTo(ServerConfig.initial("Acme", "h", 8443));
    }

    @Test
    void namesTheLineAtFault() {
        String good = ServerConfigWriter.write(ServerConfig.initial("Acme", "h", 8443));

        assertThatThrownBy(() -> ServerConfigReader.read(good + "lisen = 0.0.0.0:1\n"))
                .isInstanceOf(HomeException.class)
                .hasMessageStartingWith("server.conf line " + (good.lines().count() + 1) + ": unknown key \"lisen\"");
        assertThatThrownBy(() -> ServerConfigReader.read(good.replace("listen = 0.0.0.0:8443", "listen = 0.0.0.0:http")))
                .hasMessageStartingWith("server.conf line 13: listen port must be a number");
        assertThatThrownBy(() -> ServerConfigReader.read(good.replace("https://h:8443", "http://h:8443")))
                .hasMessageContaining("public_url must be https://HOST:PORT");
        assertThatThrownBy(() -> ServerConfigReader.read(good + "org = Other\n")).hasMessageContaining("set twice");
        assertThatThrownBy(() -> ServerConfigReader.read(good.replace("stun =", "stun = turn:x")))
                .hasMessageContaining("stun entries start with stun: or stuns:");
        assertThatThrownBy(() -> ServerConfigReader.read("")).hasMessage("server.conf: \"org\" is not set");
    }
}
