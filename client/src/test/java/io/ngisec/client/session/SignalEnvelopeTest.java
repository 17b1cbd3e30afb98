package io.ngisec.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignalEnvelopeTest {

    @Test
    void carriesWhichSideOfTheSetupSentIt() {
        SignalEnvelope offer = new SignalEnvelope("0123456789abcdef", true, SignalEnvelope.Kind.ICE, "{\"u\":\"x\"}");
        SignalEnvelope abort = new SignalEnvelope("0123456789abcdef", false, SignalEnvelope.Kind.ABORT, "busy");

        assertThat(offer.encode()).isEqualTo("{\"s\":\"0123456789abcdef\",\"r\":\"i\",\"k\":\"ice\",\"d\":{\"u\":\"x\"}}");
        assertThat(SignalEnvelope.parse(offer.encode())).contains(offer);
        assertThat(SignalEnvelope.parse(abort.encode())).contains(abort);
    }

    @Test
    void withoutAKnownRoleItIsNoEnvelope() {
        assertThat(SignalEnvelope.parse("{\"s\":\"0123456789abcdef\",\"k\":\"ice\",\"d\":{}}")).isEmpty();
        assertThat(SignalEnvelope.parse("{\"s\":\"0123456789abcdef\",\"r\":\"x\",\"k\":\"ice\",\"d\":{}}")).isEmpty();
        assertThat(SignalEnvelope.parse("{\"s\":\"0123456789abcdef\",\"r\":\"i\",\"k\":\"ice\",\"d\":{}}")).isPresent();
    }
}
