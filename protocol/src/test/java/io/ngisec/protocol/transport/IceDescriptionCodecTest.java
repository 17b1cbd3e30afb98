package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceDescriptionCodecTest {

    private static final IceDescription GENUINE = new IceDescription(
            "u1Xf", "abcdefghijklmnopqrstuvwxyz+/", List.of(
                    new IceCandidate("1", 1, 2130706431L, new InetSocketAddress("192.0.2.10", 40000), CandidateType.HOST, null),
                    new IceCandidate("2", 1, 1694498815L, new InetSocketAddress("198.51.100.7", 61000),
                            CandidateType.SERVER_REFLEXIVE, new InetSocketAddress("192.0.2.10", 40000)),
                    new IceCandidate("3abc", 1, 16777215L, new InetSocketAddress("2001:db8::5", 50000),
                            CandidateType.RELAYED, new InetSocketAddress("198.51.100.7", 61000))),
            true);

    @Test
    void aDescriptionSurvivesEncodingAndDecoding() throws TransportFailure {
        assertThat(IceDescriptionCodec.decode(IceDescriptionCodec.encode(GENUINE))).isEqualTo(GENUINE);
    }

    @Test
    void candidateLinesHaveTheSdpShape() {
        assertThat(GENUINE.candidates().get(1).toLine())
                .isEqualTo("2 1 udp 1694498815 198.51.100.7 61000 typ srflx raddr 192.0.2.10 rport 40000");
    }

    @Test
    void theCandidateParserRefusesWhatIsNotASignaledUdpCandidate() {
        for (String bad : List.of(
                "1 1 tcp 2130706431 192.0.2.1 9 typ host",
                "1 1 udp 2130706431 example.org 9 typ host",
                "1 1 udp 2130706431 abcd.local 9 typ host",
                "1 1 udp 2130706431 0.0.0.0 9 typ host",
                "1 1 udp 2130706431 192.0.2.1 0 typ host",
                "1 1 udp 2130706431 192.0.2.1 65536 typ host",
                "1 1 udp 4294967296 192.0.2.1 9 typ host",
                "1 0 udp 2130706431 192.0.2.1 9 typ host",
                "1 1 udp -5 192.0.2.1 9 typ host",
                "1 1 udp 2130706431 192.0.2.1 9 typ host raddr 192.0.2.2 rport 9",
                "1 1 udp 2130706431 192.0.2.1 9 typ srflx generation 0 ufrag x",
                "1 1 udp 2130706431 fe80::1%eth0 9 typ host",
                "1 1 udp 2130706431 192.0.2.1 9 typ host ",
                "1 1 udp 2130706431 192.0.2.1  9 typ host",
                "- 1 udp 2130706431 192.0.2.1 9 typ host",
                "1 1 udp 2130706431 192.0.2.1 9 typ local")) {
            assertThatThrownBy(() -> IceCandidate.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(TransportFailure.class,
                            e -> assertThat(e.reason()).isEqualTo(TransportFailure.Reason.MALFORMED_DESCRIPTION));
        }
    }

    @Test
    void theDecoderRefusesUnknownDuplicateMissingOrMistypedMembers() {
        String genuine = IceDescriptionCodec.encode(GENUINE);
        for (String bad : List.of(
                genuine.replace("\"type\":\"ice\"", "\"type\":\"sdp\""),
                genuine.replace("\"end-of-candidates\":true", "\"end-of-candidates\":\"true\""),
                genuine.replace("\"end-of-candidates\":true", "\"eoc\":true"),
                genuine.replace("}", ",\"pwd\":\"abcdefghijklmnopqrstuvwxyz\"}"),
                genuine + "{}",
                genuine.replace("u1Xf", "u1X"),
                "[]", "", "null", "{\"type\":\"ice\"}")) {
            assertThatThrownBy(() -> IceDescriptionCodec.decode(bad)).as(bad)
                    .isInstanceOfSatisfying(TransportFailure.class,
                            e -> assertThat(e.reason()).isEqualTo(TransportFailure.Reason.MALFORMED_DESCRIPTION));
        }
    }

    /**
     * 50,000 seeded inputs (mutations of a genuine description, random bytes, stacked edits): the
     * decoder either returns a description that encodes back to one it decodes equal, or throws a
     * MALFORMED_DESCRIPTION failure; nothing else escapes.
     */
    @Test
    void fuzzedDescriptionsParseOrFailTyped() {
        FuzzInputs fuzz = new FuzzInputs("IceDescriptionCodec");
        byte[] genuine = IceDescriptionCodec.encode(GENUINE).getBytes(StandardCharsets.UTF_8);
        int accepted = 0;
        for (int attempt = 0; attempt < 50_000; attempt++) {
            byte[] input = fuzz.random().nextBoolean() ? fuzz.next(genuine, 600) : fuzz.edit(genuine);
            String text = new String(input, StandardCharsets.UTF_8);
            try {
                IceDescription d = IceDescriptionCodec.decode(text);
                accepted++;
                assertThat(IceDescriptionCodec.decode(IceDescriptionCodec.encode(d)))
                        .as(fuzz.describe(attempt, input)).isEqualTo(d);
            } catch (TransportFailure e) {
                assertThat(e.reason()).as(fuzz.describe(attempt, input))
                        .isEqualTo(TransportFailure.Reason.MALFORMED_DESCRIPTION);
            } catch (RuntimeException e) {
                throw new AssertionError(fuzz.describe(attempt, input), e);
            }
        }
        // Some edits (a flipped bit in the pwd, a changed port digit) stay valid: the fuzz reached past the JSON layer.
        assertThat(accepted).isPositive();
    }
}
