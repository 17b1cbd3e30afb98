package io.ngisec.client.netcheck;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The address attributes: MAPPED-ADDRESS (RFC 8489 section 14.1) and the XOR-ed forms
 * XOR-MAPPED-ADDRESS (section 14.2) and TURN's XOR-RELAYED-ADDRESS, whose address and port are
 * XORed with the magic cookie (and, for IPv6, the transaction id) so NATs that rewrite addresses
 * in payloads leave them alone. Stateless.
 */
final class StunAddress {

    private StunAddress() {
    }

    /** The address the server saw: XOR-MAPPED-ADDRESS, else the older MAPPED-ADDRESS; empty if neither. */
    static Optional<InetSocketAddress> mapped(StunMessage response) throws StunFormatException {
        Optional<byte[]> xored = response.attribute(Stun.XOR_MAPPED_ADDRESS);
        if (xored.isPresent()) {
            return Optional.of(decode(xored.get(), true, response.transactionId()));
        }
        Optional<byte[]> plain = response.attribute(Stun.MAPPED_ADDRESS);
        return plain.isPresent() ? Optional.of(decode(plain.get(), false, response.transactionId())) : Optional.empty();
    }

    /** The address in an attribute's value; XORed when {@code xor}. */
    static InetSocketAddress decode(byte[] value, boolean xor, byte[] transactionId) throws StunFormatException {
        if (value.length < 4) {
            throw bad("address attribute of " + value.length + " bytes");
        }
        int family = value[1] & 0xFF;
        int addressBytes = family == Stun.FAMILY_IPV4 ? 4 : family == Stun.FAMILY_IPV6 ? 16 : -1;
        if (addressBytes < 0) {
            throw bad("unknown address family " + family);
        }
        if (value.length != 4 + addressBytes) {
            throw bad("address attribute of " + value.length + " bytes for family " + family);
        }
        byte[] mask = xor ? mask(transactionId) : new byte[16];
        int port = StunMessage.u16(value, 2) ^ (xor ? Stun.MAGIC_COOKIE >>> 16 : 0);
        byte[] address = new byte[addressBytes];
        for (int i = 0; i < addressBytes; i++) {
            address[i] = (byte) (value[4 + i] ^ mask[i]);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    /** The XOR-ed attribute value for {@code address} in a message with {@code transactionId}. */
    static byte[] encodeXor(InetSocketAddress address, byte[] transactionId) {
        byte[] raw = address.getAddress().getAddress();
        byte[] mask = mask(transactionId);
        ByteBuffer out = ByteBuffer.allocate(4 + raw.length);
        out.put((byte) 0).put((byte) (address.getAddress() instanceof Inet4Address ? Stun.FAMILY_IPV4 : Stun.FAMILY_IPV6));
        out.putShort((short) (address.getPort() ^ (Stun.MAGIC_COOKIE >>> 16)));
        for (int i = 0; i < raw.length; i++) {
            out.put((byte) (raw[i] ^ mask[i]));
        }
        return out.array();
    }

    /** Magic cookie then transaction id: what the address bytes are XORed with. */
    private static byte[] mask(byte[] transactionId) {
        return ByteBuffer.allocate(16).putInt(Stun.MAGIC_COOKIE).put(transactionId).array();
    }

    private static StunFormatException bad(String what) {
        return new StunFormatException(StunFormatException.Reason.BAD_ATTRIBUTE, what);
    }
}
