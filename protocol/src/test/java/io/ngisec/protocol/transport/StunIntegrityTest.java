package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.attribute.AttributeFactory;
import org.ice4j.message.MessageFactory;
import org.ice4j.message.Request;
import org.ice4j.message.Response;
import org.ice4j.security.CredentialsAuthority;
import org.ice4j.stack.StunStack;
import org.ice4j.stack.TransactionID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MESSAGE-INTEGRITY of binding responses made by ice4j's own encoder (so the check is not tested
 * against itself): the right password passes; a wrong one, any altered byte before the attribute,
 * a missing attribute and truncation fail.
 */
class StunIntegrityTest {

    private static final String PASSWORD = "abcdefghijklmnopqrstuvwxyz+/";

    private final StunStack stack = new StunStack();

    @AfterEach
    void shutDown() {
        stack.shutDown();
    }

    private byte[] response(boolean withIntegrity) throws Exception {
        stack.getCredentialsManager().registerAuthority(new CredentialsAuthority() {
            @Override
            public byte[] getLocalKey(String username) {
                return PASSWORD.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] getRemoteKey(String username, String media) {
                return PASSWORD.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public boolean checkLocalUserName(String username) {
                return true;
            }
        });
        Request request = MessageFactory.createBindingRequest();
        request.setTransactionID(TransactionID.createNewTransactionID().getBytes());
        Response r = MessageFactory.createBindingResponse(request,
                new TransportAddress("192.0.2.1", 32853, Transport.UDP));
        r.setTransactionID(request.getTransactionID());
        if (withIntegrity) {
            r.putAttribute(AttributeFactory.createMessageIntegrityAttribute("peer:me"));
        }
        r.putAttribute(AttributeFactory.createFingerprintAttribute());
        return r.encode(stack);
    }

    @Test
    void anIce4jResponseVerifiesWithItsPasswordOnly() throws Exception {
        byte[] m = response(true);

        assertThat(StunIntegrity.verify(m, m.length, PASSWORD)).isTrue();
        assertThat(StunIntegrity.verify(m, m.length, PASSWORD.replace('a', 'b'))).isFalse();
    }

    @Test
    void anyAlteredByteBeforeTheAttributeFails() throws Exception {
        byte[] m = response(true);
        for (int i = 4; i < m.length - 32; i++) { // past type and length, before MI and FINGERPRINT
            byte[] altered = m.clone();
            altered[i] ^= 0x01;
            assertThat(StunIntegrity.verify(altered, altered.length, PASSWORD)).as("byte " + i).isFalse();
        }
    }

    @Test
    void missingAttributeOrTruncationFails() throws Exception {
        byte[] without = response(false);
        assertThat(StunIntegrity.verify(without, without.length, PASSWORD)).isFalse();
        byte[] m = response(true);
        for (int cut = 0; cut < m.length; cut += 3) {
            assertThat(StunIntegrity.verify(Arrays.copyOf(m, cut), cut, PASSWORD)).as("cut at " + cut).isFalse();
        }
        assertThat(StunIntegrity.verify(m, m.length + 1, PASSWORD)).isFalse();
    }
}
