package io.ngisec.protocol.netlab;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.PacketType;
import io.ngisec.protocol.record.RecordException;
import io.ngisec.protocol.record.RecordHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a {@link WireCapture} saw of a flow between two NGISec peers: NGISec packets per QoS class
 * (from the clear header), those whose IP DSCP is not their class's, STUN messages (ICE checks and
 * consent between the peers), anything else, and payloads that contain one of the given plaintext
 * slices. Immutable.
 *
 * @param perClass   NGISec packets (first byte: version 1 and a packet type) by header class
 * @param data       of those, DATA packets
 * @param mismatches lines of NGISec packets whose DSCP differs from their class's
 * @param stun       STUN messages (magic cookie at bytes 4..7)
 * @param other      UDP payloads that are neither
 * @param plaintext  lines of payloads that contain a plaintext slice
 */
record WireSummary(Map<QosClass, Integer> perClass, int data, List<String> mismatches, int stun, int other,
        List<String> plaintext) {

    /** STUN's magic cookie (RFC 5389), bytes 4..7 of every STUN message. */
    private static final String STUN_COOKIE = "2112a442";

    WireSummary {
        perClass = Map.copyOf(perClass);
        mismatches = List.copyOf(mismatches);
        plaintext = List.copyOf(plaintext);
    }

    /**
     * Reads tshark lines of {@link WireCapture#FIELDS}; {@code secrets}: plaintext slices no payload
     * may contain. An IllegalArgumentException for a line that does not have those fields.
     */
    static WireSummary of(List<String> lines, List<byte[]> secrets) {
        List<String> secretHex = secrets.stream().map(HexFormat.of()::formatHex).toList();
        Map<QosClass, Integer> perClass = new EnumMap<>(QosClass.class);
        List<String> mismatches = new ArrayList<>();
        List<String> plaintext = new ArrayList<>();
        int data = 0;
        int stun = 0;
        int other = 0;
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new IllegalArgumentException("not DSCP, UDP length and payload: " + line);
            }
            int dscp = Integer.parseInt(f[0]);
            String payload = f[2].replace(":", "");
            if (secretHex.stream().anyMatch(payload::contains)) {
                plaintext.add(f[0] + " " + f[1] + " " + abbreviate(payload));
            }
            RecordHeader header = ngisecHeader(payload);
            if (header != null) {
                perClass.merge(header.qosClass(), 1, Integer::sum);
                if (header.type() == PacketType.DATA) {
                    data++;
                }
                if (dscp != header.qosClass().dscp()) {
                    mismatches.add(header.type() + " " + header.qosClass() + " with DSCP " + dscp + ", " + f[1] + " UDP bytes");
                }
            } else if (payload.length() >= 16 && payload.substring(8, 16).equals(STUN_COOKIE)) {
                stun++;
            } else {
                other++;
            }
        }
        return new WireSummary(perClass, data, mismatches, stun, other, plaintext);
    }

    /** NGISec packets of this class seen. */
    int count(QosClass c) {
        return perClass.getOrDefault(c, 0);
    }

    /** The clear header of an NGISec packet (first byte 0x11..0x15 and a valid header), or null. */
    private static RecordHeader ngisecHeader(String payloadHex) {
        if (payloadHex.length() < 2 * RecordHeader.LENGTH) {
            return null;
        }
        int b0 = Integer.parseInt(payloadHex.substring(0, 2), 16);
        if (b0 < 0x11 || b0 > 0x15) {
            return null;
        }
        try {
            return RecordHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex(payloadHex, 0, 2 * RecordHeader.LENGTH)));
        } catch (RecordException e) {
            return null;
        }
    }

    private static String abbreviate(String hex) {
        return hex.length() <= 64 ? hex : hex.substring(0, 64) + "...";
    }
}
