package io.ngisec.server.service;

import io.ngisec.server.api.ApiException;
import io.ngisec.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one catalogue of the refusals this package gives, with their HTTP status and wire code
 * (docs/policy-server.md, "Errors"). Messages are for people and never hold a secret.
 */
final class ServiceErrors {

    private static final Logger log = LoggerFactory.getLogger(ServiceErrors.class);

    private ServiceErrors() {
    }

    static ApiException invalidRequest(String message) {
        return ApiException.badRequest("invalid_request", message);
    }

    static ApiException rateLimited() {
        return new ApiException(429, "rate_limited", "too many failed enrollments from this address; try again later");
    }

    /** Deliberately says nothing about whether the id or the secret was wrong. */
    static ApiException inviteUnknown() {
        return ApiException.forbidden("invite_unknown", "no such invite");
    }

    static ApiException inviteUsed() {
        return new ApiException(409, "invite_used", "this invite has already been used");
    }

    static ApiException inviteExpired() {
        return new ApiException(410, "invite_expired", "this invite has expired; ask for a new one");
    }

    static ApiException unknownDevice(String which) {
        return ApiException.notFound("unknown_device", which + " is not an enrolled device");
    }

    static ApiException revoked(String which) {
        return ApiException.forbidden("revoked", which + " is revoked");
    }

    static ApiException turnNotConfigured() {
        return ApiException.notFound("turn_not_configured", "this server hands out no TURN credentials");
    }

    /** The store failed: logged here with its cause, the caller only learns to retry later. */
    static ApiException unavailable(String operation, StoreException e) {
        if (e.reason() == StoreException.Reason.UNAVAILABLE) {
            log.warn("{} failed: {}", operation, e.getMessage()); // expected while the database is away
        } else {
            log.error("{} failed: {}", operation, e.getMessage(), e);
        }
        return new ApiException(503, "unavailable", "the server's database is unavailable; try again later");
    }
}
