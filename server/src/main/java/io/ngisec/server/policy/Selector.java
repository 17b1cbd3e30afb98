package io.ngisec.server.policy;

import java.util.Objects;

/**
 * Whom a rule's {@code from} or {@code to} names: everyone ({@code *}), one user
 * ({@code user:NAME} or a bare name), or the members of a group ({@code group:NAME}). Immutable.
 *
 * @param name the user or group name; empty for {@link Kind#ANY}
 */
public record Selector(Kind kind, String name) {

    /** What a selector matches. */
    public enum Kind {
        ANY, USER, GROUP
    }

    public Selector {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if ((kind == Kind.ANY) != name.isEmpty()) {
            throw new IllegalArgumentException("only the * selector has no name");
        }
    }

    /** The selector as a policy file writes it: {@code *}, {@code user:NAME} or {@code group:NAME}. */
    @Override
    public String toString() {
        return switch (kind) {
            case ANY -> "*";
            case USER -> "user:" + name;
            case GROUP -> "group:" + name;
        };
    }
}
