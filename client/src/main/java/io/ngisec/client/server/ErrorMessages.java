package io.ngisec.client.server;

import java.net.URI;

/**
 * The one place that turns the policy server's error codes (docs/policy-server.md, "Errors") and
 * transport failures into one-line messages for users.
 */
final class ErrorMessages {

    private ErrorMessages() {
    }

    /** The message for an error answer; {@code serverMessage} (may be null) fills in the codes we do not word ourselves. */
    static String forCode(String code, String serverMessage) {
        return switch (code) {
            case "invite_used" -> "this invite was already used";
            case "invite_expired" -> "this invite has expired; ask for a new one";
            case "invite_unknown" -> "this invite is not known to the policy server (mistyped, or for another server)";
            case "revoked" -> "this device was revoked";
            case "rate_limited" -> "too many failed attempts from this address; try again in a few minutes";
            case "client_certificate_required" ->
                    "the policy server did not accept this device's certificate (expired or of another organization)";
            case "unknown_device" -> "the policy server knows no such device";
            case "turn_not_configured" -> "the policy server has no TURN server configured";
            case "unavailable" -> "the policy server is unavailable (its database cannot be reached); try again later";
            case "internal" -> "the policy server failed (internal error)";
            default -> "the policy server refused the request: "
                    + (serverMessage == null || serverMessage.isBlank() ? code : oneLine(serverMessage));
        };
    }

    static String unreachable(URI server, String reason) {
        return "cannot reach the policy server at " + server + ": " + reason;
    }

    static String timeout(URI server) {
        return "the policy server at " + server + " did not answer in time";
    }

    static String untrusted(URI server) {
        return "the server at " + server + " is not the organization's (its certificate does not chain to the CA"
                + " fingerprint in the invite)";
    }

    static String tlsFailed(URI server, String reason) {
        return "TLS with the policy server at " + server + " failed: " + oneLine(reason);
    }

    static String badResponse(URI server, String what) {
        return "the policy server at " + server + " sent " + what;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
