package io.ngisec.client.server;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads the API's value encodings (docs/policy-server.md: standard base64, enum names). Throws
 * IllegalArgumentException for a malformed value; the caller reports a bad response.
 */
final class WireValues {

    private WireValues() {
    }

    static byte[] base64(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException("no " + what);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a " + what + " that is not base64");
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Service name to QoS class name; names this client does not know (a newer server) are skipped. */
    static Map<Service, QosClass> grants(Map<String, String> names) {
        Map<Service, QosClass> grants = new EnumMap<>(Service.class);
        if (names == null) {
            return grants;
        }
        names.forEach((service, qos) -> {
            try {
                grants.put(Service.valueOf(service), QosClass.valueOf(qos));
            } catch (IllegalArgumentException | NullPointerException e) {
                // Unknown to this version: it cannot use that service anyway.
            }
        });
        return grants;
    }
}
