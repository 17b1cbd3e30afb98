package io.ngisec.server.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the generator's key material from files: the CA certificate (DER or PEM) and a directory
 * of device credentials, either {@code NAME.key} (PKCS#8 DER) next to {@code NAME.crt} (certificate
 * DER or PEM), or {@code NAME.p12} (password from env NGISEC_BENCH_P12_PASSWORD, empty if unset).
 * The one place that knows file layouts: swap it to read another server's client homes.
 */
final class ClientCredentials {

    /** A device's private key and certificate chain (device certificate first). */
    record Device(String name, PrivateKey key, X509Certificate[] chain) {
    }

    private ClientCredentials() {
    }

    /** The CA certificate in {@code file}; IOException with the file name if it is not one. */
    static X509Certificate loadCa(Path file) throws IOException {
        List<X509Certificate> certificates = certificates(file);
        if (certificates.isEmpty()) {
            throw new IOException(file + " holds no certificate");
        }
        return certificates.get(0);
    }

    /** Every device credential in {@code dir}, sorted by name; IOException if there is none or one is unreadable. */
    static List<Device> loadDevices(Path dir) throws IOException {
        List<Device> devices = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".key")) {
                String base = name.substring(0, name.length() - ".key".length());
                Path cert = dir.resolve(base + ".crt");
                if (!Files.exists(cert)) {
                    throw new IOException(file + " has no " + cert.getFileName() + " beside it");
                }
                devices.add(new Device(base, pkcs8(file), certificates(cert).toArray(X509Certificate[]::new)));
            } else if (name.endsWith(".p12")) {
                devices.add(pkcs12(file, name.substring(0, name.length() - ".p12".length())));
            }
        }
        if (devices.isEmpty()) {
            throw new IOException(dir + " holds no device credentials (NAME.key + NAME.crt, or NAME.p12)");
        }
        return Collections.unmodifiableList(devices);
    }

    private static PrivateKey pkcs8(Path file) throws IOException {
        byte[] der = Files.readAllBytes(file);
        // NGISec devices use Ed25519; the others let the generator drive servers with other PKIs.
        for (String algorithm : new String[] {"Ed25519", "EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException(file + " is not a PKCS#8 DER private key (Ed25519, EC or RSA)");
    }

    private static List<X509Certificate> certificates(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not an X.509 certificate (DER or PEM)");
        }
    }

    private static Device pkcs12(Path file, String name) throws IOException {
        String env = System.getenv("NGISEC_BENCH_P12_PASSWORD");
        char[] password = (env == null ? "" : env).toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    Certificate[] chain = store.getCertificateChain(alias);
                    X509Certificate[] x509 = new X509Certificate[chain.length];
                    for (int i = 0; i < chain.length; i++) {
                        x509[i] = (X509Certificate) chain[i];
                    }
                    return new Device(name, key, x509);
                }
            }
            throw new IOException(file + " holds no private key entry");
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " cannot be read as PKCS#12 (wrong NGISEC_BENCH_P12_PASSWORD?)");
        }
    }
}
