package io.ngisec.client.link;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One received control message: its {@code "type"} and the whole JSON object (read it with {@link ControlJson#decode}). */
public record ControlMessage(String type, ObjectNode body) {
}
