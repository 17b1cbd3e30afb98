package io.ngisec.server.signal;

import io.ngisec.protocol.identity.DeviceId;

/**
 * The question the {@link SignalingHub} asks before relaying or announcing presence:
 * {@code PolicyServerApi::maySignal} fits. Must be thread safe and must not throw.
 */
@FunctionalInterface
public interface SignalPolicy {

    /** Whether {@code from} may send signaling to {@code to}. */
    boolean maySignal(DeviceId from, DeviceId to);
}
