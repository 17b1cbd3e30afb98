package io.ngisec.protocol.noise;

import javax.security.auth.Destroyable;

/** The transport cipher states of one side after a handshake: {@code sender} seals what it sends, {@code receiver} opens what it gets. */
public record CipherStatePair(CipherState sender, CipherState receiver) implements Destroyable {

    /** Zeroes both keys. */
    @Override
    public void destroy() {
        sender.destroy();
        receiver.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return sender.isDestroyed() && receiver.isDestroyed();
    }
}
