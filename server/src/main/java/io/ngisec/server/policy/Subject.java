package io.ngisec.server.policy;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * One end of a decision: a user and the groups they belong to. Build it with
 * {@link Policy#subject(String, java.util.Collection)} so the groups are the enrollment groups
 * together with those the policy file gives the user; {@link Policy#decide} also counts the policy
 * file's groups for a subject built directly. Immutable.
 */
public record Subject(String user, Set<String> groups) {

    public Subject {
        Objects.requireNonNull(user, "user");
        groups = Set.copyOf(groups);
    }

    /** A subject with exactly these groups, for tests and tools. */
    public static Subject of(String user, String... groups) {
        return new Subject(user, Set.copyOf(Arrays.asList(groups)));
    }
}
