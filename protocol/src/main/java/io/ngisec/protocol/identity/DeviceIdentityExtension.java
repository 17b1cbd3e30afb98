package io.ngisec.protocol.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * The DER codec of the device identity extension ({@link IdentitySpec#DEVICE_IDENTITY_EXTENSION}):
 * <pre>
 * NgisecDeviceIdentity ::= SEQUENCE {
 *     version      INTEGER (1),
 *     user         UTF8String,
 *     deviceId     OCTET STRING (SIZE (16)),
 *     deviceName   UTF8String,
 *     groups       SEQUENCE OF UTF8String,
 *     noiseStatic  OCTET STRING (SIZE (32)) }
 * </pre>
 * Decoding accepts only the exact DER encoding, so one identity has one encoding.
 */
final class DeviceIdentityExtension {

    private static final int FIELDS = 6;

    private DeviceIdentityExtension() {
    }

    static byte[] encode(DeviceIdentity identity) {
        ByteBuffer id = ByteBuffer.allocate(DeviceId.LENGTH);
        identity.deviceId().write(id);
        ASN1EncodableVector groups = new ASN1EncodableVector();
        for (String group : identity.groups()) {
            groups.add(new DERUTF8String(group));
        }
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(new ASN1Integer(IdentitySpec.DEVICE_IDENTITY_VERSION));
        fields.add(new DERUTF8String(identity.user()));
        fields.add(new DEROctetString(id.array()));
        fields.add(new DERUTF8String(identity.deviceName()));
        fields.add(new DERSequence(groups));
        fields.add(new DEROctetString(identity.noiseStaticKey()));
        try {
            return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding into memory cannot fail", e);
        }
    }

    /** Decodes the extension value; throws IdentityException(MALFORMED) for anything but a valid encoding. */
    static DeviceIdentity decode(byte[] der) throws IdentityException {
        try {
            ASN1Primitive root = ASN1Primitive.fromByteArray(der);
            if (!(root instanceof ASN1Sequence seq) || seq.size() != FIELDS) {
                throw malformed("not a sequence of " + FIELDS);
            }
            if (!(seq.getObjectAt(0) instanceof ASN1Integer version)
                    || !version.hasValue(IdentitySpec.DEVICE_IDENTITY_VERSION)) {
                throw malformed("unknown version");
            }
            String user = utf8(seq.getObjectAt(1));
            byte[] id = octets(seq.getObjectAt(2), DeviceId.LENGTH);
            String deviceName = utf8(seq.getObjectAt(3));
            if (!(seq.getObjectAt(4) instanceof ASN1Sequence groupSeq)) {
                throw malformed("groups not a sequence");
            }
            if (groupSeq.size() > IdentitySpec.MAX_GROUPS) {
                throw malformed("too many groups");
            }
            List<String> groups = new ArrayList<>(groupSeq.size());
            for (ASN1Encodable group : groupSeq) {
                groups.add(utf8(group));
            }
            byte[] noise = octets(seq.getObjectAt(5), IdentitySpec.NOISE_STATIC_KEY_LENGTH);
            DeviceIdentity identity =
                    new DeviceIdentity(user, DeviceId.read(ByteBuffer.wrap(id)), deviceName, groups, noise);
            // Re-encoding catches BER forms and invalid UTF-8 alike: one identity, one encoding.
            if (!Arrays.equals(encode(identity), der)) {
                throw malformed("not the DER encoding");
            }
            return identity;
        } catch (IdentityException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // BC and our record constructor signal bad input with many runtime types; all mean malformed here.
            throw new IdentityException(IdentityException.Reason.MALFORMED, "bad device identity extension", e);
        }
    }

    private static String utf8(ASN1Encodable value) throws IdentityException {
        if (!(value instanceof ASN1UTF8String s)) {
            throw malformed("expected UTF8String");
        }
        return s.getString();
    }

    private static byte[] octets(ASN1Encodable value, int length) throws IdentityException {
        if (!(value instanceof ASN1OctetString s) || s.getOctets().length != length) {
            throw malformed("expected OCTET STRING of " + length + " bytes");
        }
        return s.getOctets();
    }

    private static IdentityException malformed(String why) {
        return new IdentityException(IdentityException.Reason.MALFORMED, "device identity extension: " + why);
    }
}
