package io.ngisec.protocol.identity;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The binary form of a ticket body (docs/identity-notes.md), big-endian:
 * <pre>
 *  0  version (1)       1  ticketId (16)     17 initiator (16)   33 responder (16)
 * 49  issuedAt (8, s)  57  expiresAt (8, s)  65 maxFileSize (8)  73 signerKeyId (8)
 * 81  grant count n (1)  82  n x (service id (1), QoS class code (1)), service ids strictly ascending
 * </pre>
 * Strict: one ticket has exactly one encoding, so signing the bytes signs the ticket.
 */
final class TicketCodec {

    /** Most grants a body can hold: one per grantable service. */
    static final int MAX_GRANTS = Service.values().length - 1;

    private static final int GRANT_COUNT_OFFSET = IdentitySpec.TICKET_FIXED_LENGTH - 1;

    private TicketCodec() {
    }

    /** Length of a body with {@code grants} grants. */
    static int bodyLength(int grants) {
        return IdentitySpec.TICKET_FIXED_LENGTH + grants * IdentitySpec.TICKET_GRANT_LENGTH;
    }

    /** Number of grants announced by the body starting at {@code data[0]}, or -1 if too short to say. */
    static int grantCount(byte[] data) {
        return data.length > GRANT_COUNT_OFFSET ? data[GRANT_COUNT_OFFSET] & 0xff : -1;
    }

    static byte[] encode(SessionTicket ticket) {
        ByteBuffer out = ByteBuffer.allocate(bodyLength(ticket.grants().size()));
        out.put((byte) ticket.version());
        ticket.ticketId().write(out);
        ticket.initiator().write(out);
        ticket.responder().write(out);
        out.putLong(ticket.issuedAt().getEpochSecond());
        out.putLong(ticket.expiresAt().getEpochSecond());
        out.putLong(ticket.maxFileSize());
        ticket.signerKeyId().write(out);
        out.put((byte) ticket.grants().size());
        // EnumMap iterates in declaration order, which is ascending service id.
        for (Map.Entry<Service, QosClass> grant : ticket.grants().entrySet()) {
            out.put((byte) grant.getKey().id()).put((byte) grant.getValue().code());
        }
        return out.array();
    }

    /** Decodes exactly one body filling {@code body}; throws IdentityException(MALFORMED) otherwise. */
    static SessionTicket decode(byte[] body) throws IdentityException {
        if (body.length < IdentitySpec.TICKET_FIXED_LENGTH) {
            throw malformed("truncated");
        }
        if ((body[0] & 0xff) != IdentitySpec.TICKET_ENCODING_VERSION) {
            throw malformed("unknown encoding version " + (body[0] & 0xff));
        }
        int count = grantCount(body);
        if (count > MAX_GRANTS) {
            throw malformed("too many grants");
        }
        if (body.length != bodyLength(count)) {
            throw malformed(body.length < bodyLength(count) ? "truncated" : "trailing bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        int version = in.get() & 0xff;
        TicketId ticketId = TicketId.read(in);
        DeviceId initiator = DeviceId.read(in);
        DeviceId responder = DeviceId.read(in);
        Instant issuedAt = time(in.getLong());
        Instant expiresAt = time(in.getLong());
        long maxFileSize = in.getLong();
        KeyId signer = KeyId.read(in);
        in.get();
        Map<Service, QosClass> grants = new EnumMap<>(Service.class);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int serviceId = in.get() & 0xff;
            int qosCode = in.get() & 0xff;
            if (serviceId <= previous) {
                throw malformed("grants not in strictly ascending service order");
            }
            previous = serviceId;
            Service service = Service.fromId(serviceId).orElseThrow(() -> malformed("unknown service " + serviceId));
            QosClass qos = QosClass.fromCode(qosCode).orElseThrow(() -> malformed("unknown QoS class " + qosCode));
            grants.put(service, qos);
        }
        try {
            return new SessionTicket(version, ticketId, initiator, responder, issuedAt, expiresAt, grants,
                    maxFileSize, signer);
        } catch (IllegalArgumentException e) {
            throw new IdentityException(IdentityException.Reason.MALFORMED, "ticket: " + e.getMessage(), e);
        }
    }

    private static Instant time(long epochSecond) throws IdentityException {
        if (epochSecond < 0 || epochSecond > IdentitySpec.TICKET_MAX_EPOCH_SECOND) {
            throw malformed("time out of range");
        }
        return Instant.ofEpochSecond(epochSecond);
    }

    private static IdentityException malformed(String why) {
        return new IdentityException(IdentityException.Reason.MALFORMED, "ticket: " + why);
    }
}
