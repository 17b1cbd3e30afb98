/**
 * The policy server's HTTPS and WebSocket front end on Netty (the only package that uses Netty):
 * TLS with optional client certificates, the /v1 JSON routes over {@link io.ngisec.server.api.PolicyServerApi},
 * JSON error mapping, and the signaling WebSocket over {@link io.ngisec.server.signal.SignalingHub}.
 */
package io.ngisec.server.http;
