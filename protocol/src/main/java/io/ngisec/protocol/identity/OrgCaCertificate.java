package io.ngisec.protocol.identity;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The organization CA's self-signed certificate: the trust anchor a device pins by its
 * {@link #fingerprint()} at enrollment. Immutable and thread safe.
 */
public final class OrgCaCertificate extends CertificateView {

    private OrgCaCertificate(ParsedCertificate parsed) {
        super(parsed);
    }

    /**
     * Parses a DER CA certificate and checks that it is self-issued and self-signed. Throws
     * IdentityException with MALFORMED for anything else (WRONG_ROLE for a well-formed end-entity
     * certificate); never another exception. Whether to trust it is the caller's decision, by fingerprint.
     */
    public static OrgCaCertificate parse(byte[] der) throws IdentityException {
        ParsedCertificate parsed = ParsedCertificate.parse(der);
        if (parsed.role() != CertificateRole.CA) {
            throw new IdentityException(IdentityException.Reason.WRONG_ROLE,
                    "a " + parsed.role() + " certificate is not a CA certificate");
        }
        if (!parsed.subject().equals(parsed.issuer()) || !parsed.isSignedBy(parsed.publicKey())) {
            throw new IdentityException(IdentityException.Reason.MALFORMED, "CA certificate is not self-signed");
        }
        return new OrgCaCertificate(parsed);
    }

    /** The organization name (the subject's O attribute). */
    public String organization() {
        RDN[] rdns = parsed().subject().getRDNs(BCStyle.O);
        if (rdns.length == 0) {
            return "";
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String s ? s.getString() : IETFUtils.valueToString(value);
    }

    /** The subject distinguished name, e.g. {@code O=Acme,CN=Acme NGISec CA}. */
    public String subject() {
        return parsed().subject().toString();
    }

    X500Name subjectName() {
        return parsed().subject();
    }

    byte[] rawPublicKey() {
        return parsed().rawPublicKey();
    }

    @Override
    public String toString() {
        return "OrgCaCertificate[" + subject() + ", " + fingerprint() + "]";
    }
}
