package io.ngisec.server.http;

import io.ngisec.protocol.api.Messages.AuthorizeRequest;
import io.ngisec.protocol.api.Messages.AuthorizeResponse;
import io.ngisec.protocol.api.Messages.DirectoryEntry;
import io.ngisec.protocol.api.Messages.DirectoryResponse;
import io.ngisec.protocol.api.Messages.EnrollRequest;
import io.ngisec.protocol.api.Messages.EnrollResponse;
import io.ngisec.protocol.api.Messages.PolicyView;
import io.ngisec.protocol.api.Messages.RenewRequest;
import io.ngisec.protocol.api.Messages.RenewResponse;
import io.ngisec.protocol.api.Messages.RevocationList;
import io.ngisec.protocol.api.Messages.TurnCredentials;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.api.PolicyServerApi;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A PolicyServerApi that answers canned values and records what it was asked. Thread safe. */
final class FakeApi implements PolicyServerApi {

    final Set<DeviceId> revoked = ConcurrentHashMap.newKeySet();
    final Set<DeviceId> mayNotSignalTo = ConcurrentHashMap.newKeySet();
    final List<Object> calls = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;
    volatile ApiException refusal;

    @Override
    public EnrollResponse enroll(EnrollRequest request, String remoteAddress) throws ApiException {
        record(request);
        calls.add(remoteAddress);
        return new EnrollResponse("11111111-2222-3333-4444-555555555555", "alice", List.of("staff"), "Y2VydA==",
                "Y2E=", List.of(), new PolicyView(3, Map.of("bob", Map.of("CALL", "VOICE"))));
    }

    @Override
    public RenewResponse renew(DeviceId caller, RenewRequest request) throws ApiException {
        record(caller);
        calls.add(request);
        return new RenewResponse("bmV3", "2030-01-01T00:00:00Z");
    }

    @Override
    public DirectoryResponse directory(DeviceId caller) throws ApiException {
        record(caller);
        return new DirectoryResponse(List.of(new DirectoryEntry("bob", caller.toString(), "phone", true,
                Map.of("CALL", "VOICE"))));
    }

    @Override
    public AuthorizeResponse authorize(DeviceId caller, AuthorizeRequest request) throws ApiException {
        record(caller);
        calls.add(request);
        return new AuthorizeResponse(true, "dGlja2V0", "2030-01-01T00:00:00Z", Map.of("CALL", "VOICE"), null, null);
    }

    @Override
    public TurnCredentials turnCredentials(DeviceId caller) throws ApiException {
        record(caller);
        return new TurnCredentials("1700000000:" + caller, "secret", 3600, List.of("turn:example.org"));
    }

    @Override
    public RevocationList revocations() {
        calls.add("revocations");
        return new RevocationList(7, List.of("ab12"), List.of());
    }

    @Override
    public boolean mayConnect(DeviceId device) {
        return !revoked.contains(device);
    }

    @Override
    public boolean maySignal(DeviceId from, DeviceId to) {
        return !mayNotSignalTo.contains(to);
    }

    private void record(Object what) throws ApiException {
        if (failure != null) {
            throw failure;
        }
        if (refusal != null) {
            throw refusal;
        }
        calls.add(what);
    }
}
