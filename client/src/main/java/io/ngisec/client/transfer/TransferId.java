package io.ngisec.client.transfer;

import java.util.Objects;
import java.util.UUID;

/** The id of one transfer, chosen by its sender, the same on both peers. */
public record TransferId(UUID value) {

    public TransferId {
        Objects.requireNonNull(value, "value");
    }

    public static TransferId random() {
        return new TransferId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
