package io.ngisec.client.netcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The NAT verdict from the mappings one socket got (RFC 4787 mapping behaviour). */
class NatClassifierTest {

    private static final InetSocketAddress SERVER_A = at("198.51.100.1", 3478);
    private static final InetSocketAddress SERVER_A_ALT = at("198.51.100.1", 3479);
    private static final InetSocketAddress SERVER_B = at("198.51.100.2", 3478);
    private static final InetSocketAddress SERVER_V6 = at("2001:db8::1", 3478);
    private static final List<InetAddress> LOCAL = List.of(at("192.168.1.10", 0).getAddress());
    private static final int PORT = 40000;

    @Test
    void theOwnAddressAndPortMeansNoNat() {
        assertThat(classify(Map.of(SERVER_A, at("192.168.1.10", PORT), SERVER_B, at("192.168.1.10", PORT))))
                .isEqualTo(NatVerdict.NO_NAT);
        assertThat(classify(Map.of(SERVER_A, at("192.168.1.10", PORT)))).isEqualTo(NatVerdict.NO_NAT);
    }

    @Test
    void oneMappingTowardsTwoEndpointsIsEndpointIndependent() {
        assertThat(classify(Map.of(SERVER_A, at("203.0.113.9", 61000), SERVER_A_ALT, at("203.0.113.9", 61000))))
                .isEqualTo(NatVerdict.ENDPOINT_INDEPENDENT);
    }

    @Test
    void differentMappedPortsMeanTheMappingVariesByDestination() {
        assertThat(classify(Map.of(SERVER_A, at("203.0.113.9", 61000), SERVER_B, at("203.0.113.9", 61001))))
                .isEqualTo(NatVerdict.VARIES_BY_DESTINATION);
    }

    @Test
    void aNatSeenByOneEndpointOnlyIsUnknownBehaviour() {
        assertThat(classify(Map.of(SERVER_A, at("203.0.113.9", 61000)))).isEqualTo(NatVerdict.ONE_SERVER);
    }

    @Test
    void noAnswersMeanUnknown() {
        assertThat(classify(Map.of())).isEqualTo(NatVerdict.UNKNOWN);
    }

    @Test
    void ipv4AnswersAreJudgedWithoutTheIpv6Ones() {
        Map<InetSocketAddress, InetSocketAddress> mappings = new LinkedHashMap<>();
        mappings.put(SERVER_V6, at("2001:db8::99", PORT));
        mappings.put(SERVER_A, at("203.0.113.9", 61000));
        mappings.put(SERVER_B, at("203.0.113.9", 61000));
        assertThat(classify(mappings)).isEqualTo(NatVerdict.ENDPOINT_INDEPENDENT);
        assertThat(classify(Map.of(SERVER_V6, at("2001:db8::99", PORT)))).isEqualTo(NatVerdict.ONE_SERVER);
    }

    private static NatVerdict classify(Map<InetSocketAddress, InetSocketAddress> mappings) {
        return NatClassifier.classify(mappings, LOCAL, PORT);
    }

    private static InetSocketAddress at(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }
}
