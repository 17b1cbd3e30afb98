package io.ngisec.server.instance;

import io.ngisec.server.service.ServiceSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run one instance: where to listen, which database (an embedded H2 URL, or PostgreSQL
 * shared by several instances), this instance's id among them (stable across restarts, such as
 * host:port), the policy service's settings, and how often to look for revocations and policy
 * changes made elsewhere.
 */
public record InstanceOptions(InetSocketAddress listen, String dbUrl, String dbUser, String dbPassword,
        String instanceId, ServiceSettings settings, Duration watchPeriod) {

    /** One poll a second: peers learn of a revocation well within the five seconds we promise. */
    public static final Duration DEFAULT_WATCH_PERIOD = Duration.ofSeconds(1);

    public InstanceOptions {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(watchPeriod, "watchPeriod");
    }

    /** Whether the database is PostgreSQL, and so possibly shared with other instances. */
    public boolean postgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }
}
