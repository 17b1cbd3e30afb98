package io.ngisec.client.server;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Maps why a request to the policy server got no answer (network, timeout, TLS) to a {@link ServerException}. */
final class TransportFailures {

    private TransportFailures() {
    }

    static ServerException of(URI server, Throwable failure) {
        Throwable f = unwrap(failure);
        if (f instanceof ServerException known) {
            return known;
        }
        if (PolicyTls.isPinFailure(f)) {
            return new ServerException(0, ServerException.UNTRUSTED_SERVER, ErrorMessages.untrusted(server), f);
        }
        if (f instanceof WebSocketHandshakeException refused) {
            int status = refused.getResponse().statusCode();
            String code = switch (status) {
                case 401 -> "client_certificate_required";
                case 403 -> "revoked";
                default -> "websocket_refused";
            };
            String message = code.equals("websocket_refused")
                    ? "the policy server refused the signaling connection (HTTP " + status + ")"
                    : ErrorMessages.forCode(code, null);
            return new ServerException(status, code, message, f);
        }
        if (f instanceof HttpConnectTimeoutException) {
            return new ServerException(0, ServerException.UNREACHABLE,
                    ErrorMessages.unreachable(server, "connection timed out"), f);
        }
        if (f instanceof HttpTimeoutException) {
            return new ServerException(0, ServerException.TIMEOUT, ErrorMessages.timeout(server), f);
        }
        if (has(f, UnresolvedAddressException.class) || has(f, UnknownHostException.class)) {
            return new ServerException(0, ServerException.UNREACHABLE, ErrorMessages.unreachable(server, "unknown host"), f);
        }
        if (has(f, SSLException.class)) {
            return new ServerException(0, ServerException.TLS_FAILED, ErrorMessages.tlsFailed(server, rootMessage(f)), f);
        }
        if (has(f, ConnectException.class)) {
            String reason = rootMessage(f).toLowerCase(java.util.Locale.ROOT);
            return new ServerException(0, ServerException.UNREACHABLE,
                    ErrorMessages.unreachable(server, reason.isEmpty() ? "connection refused" : reason), f);
        }
        String reason = rootMessage(f);
        return new ServerException(0, ServerException.UNREACHABLE,
                ErrorMessages.unreachable(server, reason.isEmpty() ? f.getClass().getSimpleName() : reason), f);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable f = failure;
        while ((f instanceof CompletionException || f instanceof ExecutionException) && f.getCause() != null) {
            f = f.getCause();
        }
        return f;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost non-empty message, one line. */
    private static String rootMessage(Throwable failure) {
        String message = "";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return ErrorMessages.oneLine(message);
    }
}
