package io.ngisec.protocol.netlab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code RESULT key=value ...} line of a {@link NetlabPeer}, parsed. Values have no spaces.
 * Immutable.
 */
record PeerReport(Map<String, String> values) {

    PeerReport {
        values = Map.copyOf(values);
    }

    /** The report in a RESULT line (the text after the prefix); IllegalArgumentException for a field without '='. */
    static PeerReport parse(String fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields.trim().split(" +")) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not key=value: " + field);
            }
            values.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return new PeerReport(values);
    }

    /** The value of {@code key}; an AssertionError naming the report if it is missing. */
    String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new AssertionError("no " + key + " in " + values);
        }
        return v;
    }

    /** The value of {@code key} as milliseconds (or another decimal number). */
    double number(String key) {
        return Double.parseDouble(get(key));
    }

    String localType() {
        return get("local_type");
    }

    String remoteType() {
        return get("remote_type");
    }

    /** The IP address of the local end of the selected pair, as this peer sees it. */
    String localIp() {
        return ip(get("local"));
    }

    /** The IP address of the remote end of the selected pair, as this peer sees it. */
    String remoteIp() {
        return ip(get("remote"));
    }

    private static String ip(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }
}
