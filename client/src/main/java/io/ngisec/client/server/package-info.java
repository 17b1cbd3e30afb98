/**
 * The device's side of the policy server API (docs/policy-server.md): TLS pinned to the org CA,
 * enrollment, renewal, directory, authorization, TURN credentials, revocations, and the
 * signaling WebSocket.
 */
package io.ngisec.client.server;
