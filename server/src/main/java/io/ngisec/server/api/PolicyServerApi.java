package io.ngisec.server.api;

import io.ngisec.protocol.api.Messages.AuthorizeRequest;
import io.ngisec.protocol.api.Messages.AuthorizeResponse;
import io.ngisec.protocol.api.Messages.DirectoryResponse;
import io.ngisec.protocol.api.Messages.EnrollRequest;
import io.ngisec.protocol.api.Messages.EnrollResponse;
import io.ngisec.protocol.api.Messages.RenewRequest;
import io.ngisec.protocol.api.Messages.RenewResponse;
import io.ngisec.protocol.api.Messages.RevocationList;
import io.ngisec.protocol.api.Messages.TurnCredentials;
import io.ngisec.protocol.identity.DeviceId;

/**
 * What the policy server does, independent of HTTP: the HTTP layer authenticates the caller
 * (mutual TLS gives the device id) and maps {@link ApiException} to JSON errors. Implementations
 * validate everything before writing anything, so a refused request persists nothing.
 * Thread safe.
 */
public interface PolicyServerApi {

    EnrollResponse enroll(EnrollRequest request, String remoteAddress) throws ApiException;

    RenewResponse renew(DeviceId caller, RenewRequest request) throws ApiException;

    DirectoryResponse directory(DeviceId caller) throws ApiException;

    AuthorizeResponse authorize(DeviceId caller, AuthorizeRequest request) throws ApiException;

    TurnCredentials turnCredentials(DeviceId caller) throws ApiException;

    RevocationList revocations() throws ApiException;

    /** Whether a device may hold a signaling connection now (enrolled, not revoked). */
    boolean mayConnect(DeviceId device);

    /** Whether {@code from} may send signaling to {@code to} (policy allows some service between them). */
    boolean maySignal(DeviceId from, DeviceId to);
}
