package io.ngisec.server.home;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Certificates in PEM, so that administrators can inspect them with openssl. */
final class Pem {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private Pem() {
    }

    static byte[] encodeCertificate(byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return (BEGIN + "\n" + body + "\n" + END + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The DER of the first certificate in {@code pem}; throws IllegalArgumentException if there is none. */
    static byte[] decodeCertificate(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END, Math.max(begin, 0));
        if (begin < 0 || end < 0) {
            throw new IllegalArgumentException("not a PEM certificate");
        }
        return Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
    }
}
