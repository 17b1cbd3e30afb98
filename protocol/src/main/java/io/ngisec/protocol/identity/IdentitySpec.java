package io.ngisec.protocol.identity;

import java.time.Duration;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * The wire and certificate constants of NGISec identities and tickets (docs/identity-notes.md).
 * Changing any of these changes the protocol; local tunables live in {@link IdentityTunables}.
 */
public final class IdentitySpec {

    /**
     * Our private OID arc: 2.25 followed by the UUID ba861c13-b184-4dd4-a7d4-fe4fbe099bf3 as a
     * decimal integer (ITU-T X.667), so no registration is needed and no collision is plausible.
     */
    public static final ASN1ObjectIdentifier NGISEC_ARC =
            new ASN1ObjectIdentifier("2.25.247932744462780801771715187842925304819");

    /** Non-critical extension in device certificates carrying {@link DeviceIdentity} (DER, see notes). */
    public static final ASN1ObjectIdentifier DEVICE_IDENTITY_EXTENSION = NGISEC_ARC.branch("1");

    /** Extended key usage purpose marking a ticket-signer certificate (the policy server's signing key). */
    public static final ASN1ObjectIdentifier TICKET_SIGNING_PURPOSE = NGISEC_ARC.branch("2");

    /** Version field of the device identity extension. */
    public static final int DEVICE_IDENTITY_VERSION = 1;

    /** Length of certificate serial numbers we issue, in bits (random, positive). */
    public static final int SERIAL_BITS = 128;

    /** Length of an X25519 (Noise static) public key, in bytes. */
    public static final int NOISE_STATIC_KEY_LENGTH = 32;

    /** Length of a raw Ed25519 public key, in bytes. */
    public static final int ED25519_PUBLIC_KEY_LENGTH = 32;

    /** Length of an Ed25519 signature, in bytes. */
    public static final int SIGNATURE_LENGTH = 64;

    /** Longest user, device or group name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 256;

    /** Most groups one device certificate may list. */
    public static final int MAX_GROUPS = 64;

    /** First byte of every encoded ticket. */
    public static final int TICKET_ENCODING_VERSION = 1;

    /** Length of a ticket id, in bytes. */
    public static final int TICKET_ID_LENGTH = 16;

    /** Length of a signer key id (leading bytes of SHA-256 over the raw Ed25519 public key), in bytes. */
    public static final int KEY_ID_LENGTH = 8;

    /** Length of the fixed part of a ticket body, before its grants, in bytes. */
    public static final int TICKET_FIXED_LENGTH = 82;

    /** Length of one grant in a ticket body (service id, QoS class code), in bytes. */
    public static final int TICKET_GRANT_LENGTH = 2;

    /** Latest time a ticket may carry, in seconds since the epoch (9999-12-31T23:59:59Z); the earliest is 0. */
    public static final long TICKET_MAX_EPOCH_SECOND = 253_402_300_799L;

    /** Longest a ticket may be valid (expiresAt - issuedAt); longer ones are malformed. */
    public static final Duration MAX_TICKET_LIFETIME = Duration.ofHours(24);

    /** Prefix signed before the ticket body, so a ticket signature can mean nothing else. */
    public static final String TICKET_SIGNATURE_CONTEXT = "NGISec ticket v1\0";

    private IdentitySpec() {
    }
}
