package io.ngisec.protocol.api;

import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the policy server's /v1 API (docs/policy-server.md), as records Jackson maps
 * directly. Binary values (keys, certificates, tickets) travel as standard base64 strings; device
 * ids as UUID text; QoS classes and services as their enum names.
 */
public final class Messages {

    private Messages() {
    }

    /** POST /v1/enroll: an invite's one-time secret and the device's public keys. */
    public record EnrollRequest(String invite, String deviceName, String signingKey, String noiseKey) {
    }

    /** The enrolled device's certificate, the CA certificate, the ticket signers, and its policy view. */
    public record EnrollResponse(String deviceId, String user, List<String> groups, String certificate,
            String caCertificate, List<String> ticketSigners, PolicyView policy) {
    }

    /** POST /v1/renew (mutual TLS): optionally a new Noise key; the response is a fresh certificate. */
    public record RenewRequest(String noiseKey) {
    }

    public record RenewResponse(String certificate, String notAfter) {
    }

    /** What a device may do, as the policy says today: per peer user, service -> highest QoS class. */
    public record PolicyView(long version, Map<String, Map<String, String>> peers) {
    }

    /** GET /v1/directory (mutual TLS): users and devices this device may contact, with presence. */
    public record DirectoryResponse(List<DirectoryEntry> entries) {
    }

    public record DirectoryEntry(String user, String deviceId, String deviceName, boolean online,
            Map<String, String> services) {
    }

    /** POST /v1/authorize (mutual TLS): a peer device and the services wanted. */
    public record AuthorizeRequest(String peerDeviceId, List<String> services) {
    }

    /** The signed ticket (base64) or, when denied, the rule that denied it. */
    public record AuthorizeResponse(boolean allowed, String ticket, String expiresAt, Map<String, String> grants,
            String rule, String reason) {
    }

    /** GET /v1/turn (mutual TLS): coturn use-auth-secret credentials. */
    public record TurnCredentials(String username, String password, long ttlSeconds, List<String> uris) {
    }

    /** GET /v1/revocations: revoked certificate serials (hex) and device ids. */
    public record RevocationList(long version, List<String> serials, List<String> deviceIds) {
    }

    /** Every error body: {@code {"error": {"code": ..., "message": ...}}}. */
    public record ErrorBody(ErrorDetail error) {
    }

    public record ErrorDetail(String code, String message) {
    }
}
