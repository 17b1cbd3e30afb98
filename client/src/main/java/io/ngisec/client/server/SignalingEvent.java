package io.ngisec.client.server;

import io.ngisec.protocol.identity.DeviceId;
import java.util.Objects;

/** What the signaling connection tells its listener: relayed signals, presence, revocations, policy changes, and its own state. */
public sealed interface SignalingEvent {

    /** A peer sent {@code bodyJson} (a JSON object, compact) to this device. */
    record Signal(DeviceId from, String bodyJson) implements SignalingEvent {
        public Signal {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(bodyJson, "bodyJson");
        }
    }

    /** A device this one may contact came online or went offline. */
    record Presence(DeviceId deviceId, boolean online) implements SignalingEvent {
        public Presence {
            Objects.requireNonNull(deviceId, "deviceId");
        }
    }

    /** A device was revoked: end live sessions with it. This device's own id when it was revoked itself. */
    record Revoked(DeviceId deviceId) implements SignalingEvent {
        public Revoked {
            Objects.requireNonNull(deviceId, "deviceId");
        }
    }

    /** The policy changed to {@code version}: fetch the directory again. */
    record PolicyChanged(long version) implements SignalingEvent {
    }

    /** A signal to {@code to} was not delivered: that device holds no signaling connection. */
    record Offline(DeviceId to) implements SignalingEvent {
        public Offline {
            Objects.requireNonNull(to, "to");
        }
    }

    /** A signal to {@code to} was refused: the policy allows no service between the two devices. */
    record Denied(DeviceId to, String reason) implements SignalingEvent {
        public Denied {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The server could not use a frame this device sent ({@code malformed_json}, {@code body_too_large}, ...). */
    record Error(String code) implements SignalingEvent {
        public Error {
            Objects.requireNonNull(code, "code");
        }
    }

    /** The connection is up (again): signals can be sent. */
    record Connected() implements SignalingEvent {
    }

    /** The connection is down or could not be opened, with a one-line reason; it retries unless closed or revoked. */
    record Disconnected(String reason) implements SignalingEvent {
        public Disconnected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
