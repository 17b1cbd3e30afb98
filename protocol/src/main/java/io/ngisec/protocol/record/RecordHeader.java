package io.ngisec.protocol.record;

import io.ngisec.protocol.ProtocolInfo;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The 20-byte clear header of every NGISec packet. It is sent in the clear so that networks can see
 * the QoS class and service, and authenticated as AEAD associated data so that nobody can change it.
 *
 * <pre>
 * byte 0      version (high 4 bits) | packet type (low 4 bits)
 * byte 1      QoS class code (bits 7..5) | key phase (bit 4) | reserved, zero (bits 3..0)
 * byte 2      service id
 * byte 3      reserved flags, zero
 * bytes 4..11 receiver connection id (chosen by the receiver)
 * bytes 12..19 packet number, big endian; also the AEAD nonce (4 zero bytes || packet number)
 * </pre>
 *
 * Immutable. The packet number and connection id are opaque 64-bit values here; the record layer
 * applies {@link Limits#MAX_PACKET_NUMBER}.
 */
public record RecordHeader(
        PacketType type,
        QosClass qosClass,
        boolean keyPhase,
        Service service,
        long receiverConnectionId,
        long packetNumber) {

    /** Encoded length. */
    public static final int LENGTH = Limits.HEADER_BYTES;

    static final int OFFSET_CONNECTION_ID = 4;
    static final int OFFSET_PACKET_NUMBER = 12;

    private static final int RESERVED_BITS_MASK = 0x0f;
    private static final QosClass[] QOS_BY_CODE = QosClass.values();
    private static final Service[] SERVICE_BY_ID = servicesById();

    /** Rejects nulls and a handshake-init header with a connection id or packet number (programming errors). */
    public RecordHeader {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(qosClass, "qosClass");
        Objects.requireNonNull(service, "service");
        if (type == PacketType.HANDSHAKE_INIT && (receiverConnectionId != 0 || packetNumber != 0)) {
            throw new IllegalArgumentException("handshake init carries connection id 0 and packet number 0");
        }
    }

    /**
     * Reads a header at the buffer's position and advances it by {@link #LENGTH}. On failure the
     * position is unchanged and nothing but {@link RecordException} escapes.
     */
    public static RecordHeader parse(ByteBuffer in) throws RecordException {
        int at = in.position();
        RecordException.Reason problem = problem(in, at);
        if (problem != null) {
            throw new RecordException(problem, "bad record header");
        }
        RecordHeader header = new RecordHeader(
                type(in, at), qosClass(in, at), keyPhase(in, at), service(in, at),
                connectionId(in, at), packetNumber(in, at));
        in.position(at + LENGTH);
        return header;
    }

    /** Writes this header at the buffer's position and advances it; the buffer needs {@link #LENGTH} bytes left. */
    public void write(ByteBuffer out) {
        if (out.remaining() < LENGTH) {
            throw new BufferOverflowException();
        }
        int at = out.position();
        write(out, at, type, qosClass, keyPhase, service, receiverConnectionId, packetNumber);
        out.position(at + LENGTH);
    }

    // The codec below works on absolute offsets and allocates nothing, so the record layer's
    // per-packet path can use it without building a RecordHeader.

    static void write(ByteBuffer out, int at, PacketType type, QosClass qos, boolean keyPhase,
            Service service, long connectionId, long packetNumber) {
        out.put(at, (byte) (ProtocolInfo.WIRE_VERSION << 4 | type.code()));
        out.put(at + 1, (byte) (qos.code() << 5 | (keyPhase ? 0x10 : 0)));
        out.put(at + 2, (byte) service.id());
        out.put(at + 3, (byte) 0);
        putLongBigEndian(out, at + OFFSET_CONNECTION_ID, connectionId);
        putLongBigEndian(out, at + OFFSET_PACKET_NUMBER, packetNumber);
    }

    /** The first reason the 20 bytes at {@code at} are not a header, or null if they are one. */
    static RecordException.Reason problem(ByteBuffer in, int at) {
        if (at < 0 || in.limit() - at < LENGTH) {
            return RecordException.Reason.TRUNCATED;
        }
        int b0 = in.get(at) & 0xff;
        if (b0 >>> 4 != ProtocolInfo.WIRE_VERSION) {
            return RecordException.Reason.WRONG_VERSION;
        }
        PacketType type = PacketType.byCode(b0 & 0x0f);
        if (type == null) {
            return RecordException.Reason.UNKNOWN_TYPE;
        }
        int b1 = in.get(at + 1) & 0xff;
        if ((b1 & RESERVED_BITS_MASK) != 0 || in.get(at + 3) != 0) {
            return RecordException.Reason.RESERVED_BITS_SET;
        }
        if (b1 >>> 5 >= QOS_BY_CODE.length) {
            return RecordException.Reason.UNKNOWN_QOS_CLASS;
        }
        int serviceId = in.get(at + 2) & 0xff;
        if (serviceId >= SERVICE_BY_ID.length || SERVICE_BY_ID[serviceId] == null) {
            return RecordException.Reason.UNKNOWN_SERVICE;
        }
        if (type == PacketType.HANDSHAKE_INIT && (connectionId(in, at) != 0 || packetNumber(in, at) != 0)) {
            return RecordException.Reason.BAD_HANDSHAKE_INIT;
        }
        return null;
    }

    // Field readers: only valid after problem(in, at) returned null.

    static PacketType type(ByteBuffer in, int at) {
        return PacketType.byCode(in.get(at) & 0x0f);
    }

    static QosClass qosClass(ByteBuffer in, int at) {
        return QOS_BY_CODE[(in.get(at + 1) & 0xff) >>> 5];
    }

    static boolean keyPhase(ByteBuffer in, int at) {
        return (in.get(at + 1) & 0x10) != 0;
    }

    static Service service(ByteBuffer in, int at) {
        return SERVICE_BY_ID[in.get(at + 2) & 0xff];
    }

    static long connectionId(ByteBuffer in, int at) {
        return getLongBigEndian(in, at + OFFSET_CONNECTION_ID);
    }

    static long packetNumber(ByteBuffer in, int at) {
        return getLongBigEndian(in, at + OFFSET_PACKET_NUMBER);
    }

    // The wire is big endian whatever order the caller's buffer is set to.
    private static long getLongBigEndian(ByteBuffer in, int at) {
        long v = in.getLong(at);
        return in.order() == ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v);
    }

    private static void putLongBigEndian(ByteBuffer out, int at, long v) {
        out.putLong(at, out.order() == ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v));
    }

    private static Service[] servicesById() {
        int max = 0;
        for (Service s : Service.values()) {
            max = Math.max(max, s.id());
        }
        Service[] byId = new Service[max + 1];
        for (Service s : Service.values()) {
            byId[s.id()] = s;
        }
        return byId;
    }
}
