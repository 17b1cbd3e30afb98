package io.ngisec.client.home;

import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.protocol.noise.DhKeyPair;
import io.ngisec.protocol.noise.NoiseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/**
 * The device's private keys encrypted at rest in a PKCS#12 file (the JDK's own keystore: AES-256
 * entries, an HMAC-SHA256 integrity check, both keyed from the passphrase): the Ed25519 signing
 * key as a private-key entry with its certificate chain (device, then CA), and the raw 32-byte
 * X25519 Noise key as a secret-key entry. Saving writes the whole file atomically, so the file is
 * always the old keys or the new ones. Not thread safe; the file itself tolerates readers in
 * other processes at any time.
 */
final class KeyVault {

    static final String FILE_NAME = "keys.p12";

    private static final String SIGNING_ENTRY = "signing";
    private static final String NOISE_ENTRY = "noise";
    private static final String NOISE_ALGORITHM = "X25519";

    /** What the vault holds: the keys and the certificate chain stored with the signing key (DER, device first). */
    record Contents(DeviceKeys keys, List<byte[]> certificateChain) {
    }

    private final Path file;

    KeyVault(Path file) {
        this.file = file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** When the file was last written and how long it is: what tells a changed key store from the one read. */
    record Stamp(java.nio.file.attribute.FileTime modified, long size) {
    }

    /** The file's stamp now; a missing or unreadable file has none that matches a read one. */
    Stamp stamp() {
        try {
            return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException e) {
            return new Stamp(java.nio.file.attribute.FileTime.fromMillis(-1), -1);
        }
    }

    /** Stores {@code keys} with {@code certificateChain} (DER, the device's certificate first) under {@code passphrase}. */
    void save(DeviceKeys keys, List<byte[]> certificateChain, char[] passphrase) throws HomeException {
        byte[] noise = keys.noise().privateKey();
        byte[] encoded = null;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(passphrase);
            store.setEntry(SIGNING_ENTRY, new KeyStore.PrivateKeyEntry(keys.signing().getPrivate(),
                    certificates(certificateChain)), protection);
            store.setEntry(NOISE_ENTRY, new KeyStore.SecretKeyEntry(new SecretKeySpec(noise, NOISE_ALGORITHM)), protection);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, passphrase);
            encoded = out.toByteArray();
            PrivateFiles.writeAtomically(file, encoded);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime cannot write a PKCS#12 key store: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new HomeException("cannot save the keys in " + directory() + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(noise, (byte) 0);
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    /** The stored keys; HomeException for a wrong passphrase, a missing or a damaged file. Never writes. */
    Contents load(char[] passphrase) throws HomeException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, passphrase);
        } catch (NoSuchFileException e) {
            throw new HomeException("there are no keys in " + directory(), e);
        } catch (IOException e) {
            // The JDK reports a failed decryption or integrity check as an IOException caused by
            // UnrecoverableKeyException. Damage inside the encrypted part looks the same; the
            // atomic writes make that far less likely than a mistyped passphrase.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new HomeException("wrong passphrase for the keys in " + directory(), e);
            }
            throw damaged(e);
        } catch (GeneralSecurityException e) {
            throw damaged(e);
        }
        byte[] noise = null;
        try {
            KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(passphrase);
            if (!(store.getEntry(SIGNING_ENTRY, protection) instanceof KeyStore.PrivateKeyEntry signing)
                    || !(store.getEntry(NOISE_ENTRY, protection) instanceof KeyStore.SecretKeyEntry secret)) {
                throw damaged(null);
            }
            noise = secret.getSecretKey().getEncoded();
            List<byte[]> chain = new ArrayList<>();
            for (Certificate certificate : signing.getCertificateChain()) {
                chain.add(certificate.getEncoded());
            }
            KeyPair signingKeys = new KeyPair(signing.getCertificate().getPublicKey(), signing.getPrivateKey());
            return new Contents(new DeviceKeys(signingKeys, DhKeyPair.fromPrivateKey(noise)), List.copyOf(chain));
        } catch (GeneralSecurityException | NoiseException e) {
            throw damaged(e);
        } finally {
            if (noise != null) {
                Arrays.fill(noise, (byte) 0);
            }
        }
    }

    private static Certificate[] certificates(List<byte[]> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the signing key needs its certificate");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Certificate[] certificates = new Certificate[chain.size()];
            for (int i = 0; i < certificates.length; i++) {
                certificates[i] = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(chain.get(i)));
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a DER certificate: " + e.getMessage(), e);
        }
    }

    private HomeException damaged(Exception cause) {
        return new HomeException("the keys in " + directory() + " are unreadable (" + FILE_NAME + " is damaged)", cause);
    }

    private Path directory() {
        return file.toAbsolutePath().getParent();
    }
}
