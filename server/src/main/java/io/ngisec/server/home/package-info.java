/**
 * The policy server's home directory: its layout, {@code server.conf}, the org CA, ticket-signer
 * and TLS keys encrypted at rest ({@link io.ngisec.server.home.KeyFile}), and the embedded
 * database. {@link io.ngisec.server.home.ServerHome#init} creates one, {@link io.ngisec.server.home.ServerHome#open}
 * loads it; {@link io.ngisec.server.home.PublicHome} reads only what needs no secret. Every failure
 * is a {@link io.ngisec.server.home.HomeException} whose message is one line for the administrator.
 */
package io.ngisec.server.home;
