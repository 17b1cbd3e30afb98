package io.ngisec.client.netcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;

/** The JSON form of a {@link NetCheckReport}; field names are the records' component names. Stateless. */
final class NetCheckJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NetCheckJson() {
    }

    static String of(NetCheckReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        report.hostAddresses().stream().map(InetAddress::getHostAddress).forEach(root.putArray("hostAddresses")::add);
        root.put("localPort", report.localPort());
        root.put("udp", report.udp());
        root.put("nat", report.nat().name());
        root.put("natDescription", report.nat().description());
        var servers = root.putArray("servers");
        for (ServerCheck s : report.servers()) {
            ObjectNode server = servers.addObject();
            server.put("server", NetCheckText.uri(s.server()));
            server.put("type", s.server().scheme().name());
            binding(server.putObject("binding"), s.binding());
            if (s.alternatePort() != null) {
                binding(server.putObject("alternatePort"), s.alternatePort());
            } else {
                server.putNull("alternatePort");
            }
            if (s.turn() != null) {
                ObjectNode turn = server.putObject("turn");
                turn.put("allocated", s.turn().allocated());
                turn.put("relayed", NetCheckText.address(s.turn().relayed()));
                turn.put("error", s.turn().error());
            } else {
                server.putNull("turn");
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static void binding(ObjectNode node, BindingResult b) {
        node.put("destination", NetCheckText.address(b.destination()));
        node.put("reachable", b.reachable());
        if (b.rtt() != null) {
            node.put("rttMillis", b.rtt().toNanos() / 1e6);
        } else {
            node.putNull("rttMillis");
        }
        node.put("mapped", NetCheckText.address(b.mapped()));
        node.put("error", b.error());
    }
}
