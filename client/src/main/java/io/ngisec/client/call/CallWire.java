package io.ngisec.client.call;

import java.util.Objects;

/**
 * The control messages of call signaling ({@code call.*}) and their reason codes, with the one
 * place those codes map to {@link CallEndReason}s. Media's own messages ({@code call.media.*})
 * belong to {@link CallMedia}. Every message names its call by {@code id}: 1 to 64 lower-case hex digits.
 */
final class CallWire {

    static final String PREFIX = "call.";
    static final String RING = "call.ring";
    static final String RINGING = "call.ringing";
    static final String ACCEPT = "call.accept";
    static final String DECLINE = "call.decline";
    static final String BUSY = "call.busy";
    static final String CANCEL = "call.cancel";
    static final String HANGUP = "call.hangup";

    /** The one codec a call offers and takes: Opus, 48 kHz, mono. */
    static final String CODEC = "opus/" + VoiceFormat.SAMPLE_RATE + "/" + VoiceFormat.CHANNELS;

    static final String DECLINED = "declined";
    static final String NOT_ALLOWED = "not-allowed";
    static final String NO_ANSWER = "no-answer";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";
    static final String HUNG_UP = "hung-up";

    static final int MAX_ID = 64;
    static final int MAX_CODEC = 64;
    static final int MAX_REASON = 32;
    static final int MAX_DETAIL = 200;

    private CallWire() {
    }

    /** The caller offers call {@code id}. */
    record Ring(String id, String codec) {
        Ring {
            checkId(id);
            checkToken(codec, MAX_CODEC, "codec");
        }
    }

    /** The callee's device rings. */
    record Ringing(String id) {
        Ringing {
            checkId(id);
        }
    }

    /** The callee answered; both sides start their media. */
    record Accept(String id) {
        Accept {
            checkId(id);
        }
    }

    /** The callee refused: {@code reason} is a code, {@code detail} a line for the caller ("" for none). */
    record Decline(String id, String reason, String detail) {
        Decline {
            checkId(id);
            checkToken(reason, MAX_REASON, "reason");
            checkDetail(detail);
        }
    }

    /** The callee is in another call. */
    record Busy(String id) {
        Busy {
            checkId(id);
        }
    }

    /** The caller gave up before the callee answered (or after its ring timeout: {@code no-answer}). */
    record Cancel(String id, String reason) {
        Cancel {
            checkId(id);
            checkToken(reason, MAX_REASON, "reason");
        }
    }

    /** Either side ended an answered call: {@code hung-up}, or {@code failed} with the {@code detail}. */
    record Hangup(String id, String reason, String detail) {
        Hangup {
            checkId(id);
            checkToken(reason, MAX_REASON, "reason");
            checkDetail(detail);
        }
    }

    /** The end a {@code call.decline} with {@code code} means; an unknown code is a plain decline. */
    static CallEndReason declineReason(String code) {
        return switch (code) {
            case NOT_ALLOWED -> CallEndReason.NOT_ALLOWED;
            case NO_ANSWER -> CallEndReason.NO_ANSWER;
            case FAILED -> CallEndReason.FAILED;
            default -> CallEndReason.DECLINED;
        };
    }

    /** The end a {@code call.hangup} with {@code code} means; an unknown code is a plain hang-up. */
    static CallEndReason hangupReason(String code) {
        return FAILED.equals(code) ? CallEndReason.FAILED : CallEndReason.HUNG_UP;
    }

    /** Whether {@code id} is 1 to 64 lower-case hex digits. */
    static boolean validId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} made fit for a detail: one line, at most {@link #MAX_DETAIL} characters. */
    static String detail(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_DETAIL));
        for (int i = 0; i < text.length() && line.length() < MAX_DETAIL; i++) {
            char c = text.charAt(i);
            line.append(Character.isISOControl(c) ? ' ' : c);
        }
        return line.toString().strip();
    }

    private static void checkId(String id) {
        if (!validId(id)) {
            throw new IllegalArgumentException("call id is not 1 to " + MAX_ID + " hex digits");
        }
    }

    /** Codes and codecs: short, lower-case letters, digits and {@code -/.}. */
    private static void checkToken(String token, int max, String what) {
        Objects.requireNonNull(token, what);
        if (token.isEmpty() || token.length() > max) {
            throw new IllegalArgumentException(what + " empty or too long");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '/' || c == '.')) {
                throw new IllegalArgumentException(what + " has an invalid character");
            }
        }
    }

    private static void checkDetail(String detail) {
        Objects.requireNonNull(detail, "detail");
        if (detail.length() > MAX_DETAIL || detail.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("detail too long or not one line");
        }
    }
}
