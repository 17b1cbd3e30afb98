package io.ngisec.protocol.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 keys and signatures through the Java runtime's own provider, the one signature scheme of
 * NGISec identities. Stateless and thread safe.
 */
public final class Ed25519Keys {

    static final AlgorithmIdentifier ALGORITHM = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    private Ed25519Keys() {
    }

    /** A fresh Ed25519 key pair. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks Ed25519", e);
        }
    }

    /** The private key in a PKCS#8 encoding; throws IllegalArgumentException if it is not an Ed25519 key. */
    public static PrivateKey privateKeyFromPkcs8(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks Ed25519", e);
        }
    }

    /** The public key in a SubjectPublicKeyInfo encoding; throws IllegalArgumentException if it is not Ed25519. */
    public static PublicKey publicKeyFromSpki(byte[] spki) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks Ed25519", e);
        }
    }

    /** The raw 32-byte public key; throws IllegalArgumentException if {@code key} is not Ed25519. */
    public static byte[] raw(PublicKey key) {
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
        if (!isEd25519(spki)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return spki.getPublicKeyData().getOctets();
    }

    static boolean isEd25519(SubjectPublicKeyInfo spki) {
        return ALGORITHM.equals(spki.getAlgorithm())
                && spki.getPublicKeyData().getPadBits() == 0
                && spki.getPublicKeyData().getBytes().length == IdentitySpec.ED25519_PUBLIC_KEY_LENGTH;
    }

    /** Signs {@code context || message}. */
    static byte[] sign(PrivateKey key, byte[] context, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(context);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key (not Ed25519?)", e);
        }
    }

    /**
     * The 32-byte private seed of an Ed25519 key (RFC 8032), for {@link #sign(byte[], byte[], byte[], byte[])};
     * a secret the caller keeps as carefully as the key. Throws IllegalArgumentException for other keys.
     */
    static byte[] seed(PrivateKey key) {
        if (key instanceof EdECPrivateKey edec && "Ed25519".equals(edec.getParams().getName())) {
            return edec.getBytes().orElseThrow(() -> new IllegalArgumentException("Ed25519 key without its seed"));
        }
        throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
    }

    /**
     * Signs {@code context || message} with the key of {@code seed} and raw {@code publicKey}, through
     * BouncyCastle: the same signature as {@link #sign(PrivateKey, byte[], byte[])} (Ed25519 is
     * deterministic) at about a tenth of the JDK's cost, which matters where the server signs a
     * ticket per authorization.
     */
    static byte[] sign(byte[] seed, byte[] publicKey, byte[] context, byte[] message) {
        byte[] signed = new byte[context.length + message.length];
        System.arraycopy(context, 0, signed, 0, context.length);
        System.arraycopy(message, 0, signed, context.length, message.length);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, signed, 0, signed.length, signature, 0);
        return signature;
    }

    /**
     * Whether {@code signature} is a valid signature of {@code context || message}; never throws for
     * bad input. Uses BouncyCastle's Ed25519 directly: several times faster than the JDK's EdDSA
     * provider, and every handshake verifies four signatures.
     */
    static boolean verify(PublicKey key, byte[] context, byte[] message, byte[] signature) {
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        byte[] publicKey = raw(key);
        byte[] signed = new byte[context.length + message.length];
        System.arraycopy(context, 0, signed, 0, context.length);
        System.arraycopy(message, 0, signed, context.length, message.length);
        return Ed25519.verify(signature, 0, publicKey, 0, signed, 0, signed.length);
    }

    /** Whether the private key belongs to the public one, by a test signature. */
    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "NGISec key pair check".getBytes(StandardCharsets.US_ASCII);
        return verify(publicKey, new byte[0], probe, sign(privateKey, new byte[0], probe));
    }
}
