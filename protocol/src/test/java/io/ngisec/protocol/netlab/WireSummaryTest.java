package io.ngisec.protocol.netlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.record.PacketType;
import io.ngisec.protocol.record.RecordHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link WireSummary} on made-up tshark lines: it must notice a wrong DSCP and plaintext, not only count. */
class WireSummaryTest {

    private static final byte[] SECRET = "thirty-two bytes of a plaintext!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void countsClassesAndStunAndFindsWrongMarksAndPlaintext() {
        List<String> lines = List.of(
                line(46, packet(PacketType.DATA, QosClass.VOICE, new byte[40])),
                line(10, packet(PacketType.DATA, QosClass.BULK, new byte[1000])),
                line(26, packet(PacketType.HANDSHAKE_INIT, QosClass.CONTROL, new byte[100])),
                line(0, packet(PacketType.DATA, QosClass.CONTROL, new byte[8])), // re-marked on the way
                line(10, packet(PacketType.DATA, QosClass.BULK, withSecretAt(300))),
                line(0, HexFormat.of().parseHex("000100002112a442000000000000000000000000")),
                line(0, new byte[] {1, 2, 3}));

        WireSummary wire = WireSummary.of(lines, List.of(SECRET));

        assertThat(wire.count(QosClass.VOICE)).isEqualTo(1);
        assertThat(wire.count(QosClass.BULK)).isEqualTo(2);
        assertThat(wire.count(QosClass.CONTROL)).isEqualTo(2);
        assertThat(wire.data()).isEqualTo(4);
        assertThat(wire.stun()).isEqualTo(1);
        assertThat(wire.other()).isEqualTo(1);
        assertThat(wire.mismatches()).singleElement().asString().contains("CONTROL with DSCP 0");
        assertThat(wire.plaintext()).hasSize(1);
    }

    @Test
    void refusesALineWithoutTheThreeFields() {
        assertThatThrownBy(() -> WireSummary.of(List.of("46\t28"), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] withSecretAt(int at) {
        byte[] body = new byte[1000];
        System.arraycopy(SECRET, 0, body, at, SECRET.length);
        return body;
    }

    private static byte[] packet(PacketType type, QosClass qos, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(RecordHeader.LENGTH + body.length);
        boolean init = type == PacketType.HANDSHAKE_INIT;
        new RecordHeader(type, qos, false, Service.CONTROL, init ? 0 : 7, init ? 0 : 1).write(b);
        return b.put(body).array();
    }

    /** As tshark prints them: DSCP, UDP length, payload as colon-separated hex. */
    private static String line(int dscp, byte[] payload) {
        return dscp + "\t" + (8 + payload.length) + "\t" + HexFormat.ofDelimiter(":").formatHex(payload);
    }
}
