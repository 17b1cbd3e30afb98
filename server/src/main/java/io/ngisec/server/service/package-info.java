/**
 * The policy server's business logic behind {@link io.ngisec.server.api.PolicyServerApi}:
 * enrollment, renewal, the directory, authorization with signed tickets, TURN credentials and
 * revocations, on a {@link io.ngisec.server.store.ServerStore} and the org CA. No HTTP here.
 */
package io.ngisec.server.service;
