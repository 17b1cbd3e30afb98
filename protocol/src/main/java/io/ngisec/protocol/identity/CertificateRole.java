package io.ngisec.protocol.identity;

/** What an NGISec certificate is for, read from its extensions. */
enum CertificateRole {
    /** The organization CA (basicConstraints CA:true, keyCertSign). */
    CA,
    /** An enrolled device (carries the device identity extension). */
    DEVICE,
    /** The policy server's ticket-signing key (extended key usage {@link IdentitySpec#TICKET_SIGNING_PURPOSE}). */
    TICKET_SIGNER
}
