package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.record.SessionPair.Opened;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RekeyTest {

    private static final RekeyPolicy EVERY_1000 =
            new RekeyPolicy(1000, Duration.ofSeconds(120), Duration.ofSeconds(3));

    @Test
    void senderMovesToTheNextPhaseAfterTheRecordBudget() {
        SessionPair pair = new SessionPair(EVERY_1000);
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            packets.add(pair.aliceSeals(new byte[4]));
        }
        assertThat(phaseBit(packets.get(999))).isFalse();
        assertThat(phaseBit(packets.get(1000))).isTrue();
        assertThat(phaseBit(packets.get(1999))).isTrue();
        assertThat(phaseBit(packets.get(2000))).isFalse();
        SendStats stats = pair.alice.stats().send();
        assertThat(stats.phase()).isEqualTo(2);
        assertThat(stats.rekeys()).isEqualTo(2);

        for (byte[] p : packets) {
            assertThat(pair.bobOpens(p).accepted()).isTrue();
        }
        assertThat(pair.bob.stats().receive().phase()).isEqualTo(2);
        assertThat(pair.bob.stats().receive().rekeys()).isEqualTo(2);
    }

    @Test
    void packetNumbersKeepIncreasingAcrossPhases() {
        SessionPair pair = new SessionPair(new RekeyPolicy(3, Duration.ofSeconds(120), Duration.ofSeconds(3)));
        for (long pn = 0; pn < 10; pn++) {
            Opened opened = pair.bobOpens(pair.aliceSeals(new byte[1]));
            assertThat(opened.header().packetNumber()).isEqualTo(pn);
            assertThat(opened.header().keyPhase()).isEqualTo((pn / 3) % 2 == 1);
        }
    }

    @Test
    void twoHundredThousandReorderedPacketsAcrossTwoHundredRekeysAllArrive() {
        SessionPair pair = new SessionPair(EVERY_1000);
        int n = 200_000;
        int maxDelay = 900; // under a phase's length, and well inside the replay window
        Random random = new Random(42);
        byte[][] packets = new byte[n][];
        long[] arrival = new long[n];
        for (int i = 0; i < n; i++) {
            byte[] payload = new byte[4 + (i % 13)];
            payload[0] = (byte) (i >>> 24);
            payload[1] = (byte) (i >>> 16);
            payload[2] = (byte) (i >>> 8);
            payload[3] = (byte) i;
            packets[i] = pair.aliceSeals(payload);
            arrival[i] = (long) (i + random.nextInt(maxDelay)) << 20 | i;
        }
        Arrays.sort(arrival);
        int displaced = 0;
        boolean[] seen = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = (int) (arrival[k] & 0xfffff);
            if (i != k) {
                displaced++;
            }
            Opened opened = pair.bobOpens(packets[i]);
            assertThat(opened.drop()).as("packet %d arriving %d-th", i, k).isNull();
            int index = (opened.payload()[0] & 0xff) << 24 | (opened.payload()[1] & 0xff) << 16
                    | (opened.payload()[2] & 0xff) << 8 | opened.payload()[3] & 0xff;
            assertThat(index).isEqualTo(i);
            seen[i] = true;
        }
        assertThat(displaced).as("the shuffle reorders").isGreaterThan(n / 2);
        for (boolean s : seen) {
            assertThat(s).isTrue();
        }
        ReceiveStats bob = pair.bob.stats().receive();
        assertThat(bob.records()).isEqualTo(n);
        assertThat(bob.totalDrops()).isZero();
        assertThat(bob.rekeys()).isEqualTo(199);
        assertThat(pair.alice.stats().send().rekeys()).isEqualTo(199);
    }

    @Test
    void senderMovesToTheNextPhaseWhenTheKeyIsOld() {
        SessionPair pair = new SessionPair();
        byte[] first = pair.aliceSeals(new byte[1]);
        pair.clock.advance(Duration.ofSeconds(119));
        byte[] stillPhase0 = pair.aliceSeals(new byte[1]);
        pair.clock.advance(Duration.ofSeconds(1));
        byte[] phase1 = pair.aliceSeals(new byte[1]);

        assertThat(phaseBit(first)).isFalse();
        assertThat(phaseBit(stillPhase0)).isFalse();
        assertThat(phaseBit(phase1)).isTrue();
        assertThat(pair.alice.stats().send().keyAge()).isZero();
        pair.clock.advance(Duration.ofSeconds(5));
        assertThat(pair.alice.stats().send().keyAge()).isEqualTo(Duration.ofSeconds(5));

        assertThat(pair.bobOpens(phase1).accepted()).isTrue();
        assertThat(pair.bobOpens(first).accepted()).isTrue();
        assertThat(pair.bobOpens(stillPhase0).accepted()).isTrue();
        assertThat(pair.bob.stats().receive().phase()).isEqualTo(1);
    }

    @Test
    void idleSenderMovesOnlyOnePhaseWhenItSendsAgain() {
        SessionPair pair = new SessionPair();
        pair.bobOpens(pair.aliceSeals(new byte[1]));
        pair.clock.advance(Duration.ofMinutes(30));
        Opened opened = pair.bobOpens(pair.aliceSeals(new byte[1]));

        assertThat(opened.accepted()).isTrue();
        assertThat(pair.alice.stats().send().phase()).isEqualTo(1);
        assertThat(pair.bob.stats().receive().phase()).isEqualTo(1);
    }

    @Test
    void inFlightPacketsOfThePreviousPhaseStillOpenAfterTheSwitch() {
        SessionPair pair = new SessionPair(EVERY_1000);
        List<byte[]> oldPhase = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            oldPhase.add(pair.aliceSeals(SessionPair.payload(16, i)));
        }
        byte[] newPhase = pair.aliceSeals(new byte[16]);

        assertThat(pair.bobOpens(newPhase).accepted()).isTrue();
        assertThat(pair.bob.stats().receive().holdsPreviousKey()).isTrue();
        for (int i = oldPhase.size() - 1; i >= 0; i--) {
            Opened opened = pair.bobOpens(oldPhase.get(i));
            assertThat(opened.drop()).as("old packet %d", i).isNull();
            assertThat(opened.payload()).isEqualTo(SessionPair.payload(16, i));
        }
        assertThat(pair.bob.stats().receive().phase()).isEqualTo(1);
    }

    @Test
    void previousKeyIsGoneAfterTheGraceTime() {
        SessionPair pair = new SessionPair(EVERY_1000);
        List<byte[]> oldPhase = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            oldPhase.add(pair.aliceSeals(new byte[8]));
        }
        assertThat(pair.bobOpens(pair.aliceSeals(new byte[8])).accepted()).isTrue();
        pair.clock.advance(Duration.ofMillis(2999));
        assertThat(pair.bobOpens(oldPhase.get(999)).accepted()).isTrue();
        pair.clock.advance(Duration.ofMillis(1));

        assertThat(pair.bobOpens(oldPhase.get(998)).drop()).isEqualTo(DropReason.NO_KEY);
        assertThat(pair.bob.stats().receive().holdsPreviousKey()).isFalse();
        // New-phase traffic is unaffected.
        assertThat(pair.bobOpens(pair.aliceSeals(new byte[8])).accepted()).isTrue();
    }

    @Test
    void previousKeyIsGoneOnceTheWindowHasPassedTheSwitch() {
        RekeyPolicy bigPhases = new RekeyPolicy(10_000, Duration.ofSeconds(120), Duration.ofSeconds(60));
        SessionPair pair = new SessionPair(bigPhases);
        for (int i = 0; i < 10_000; i++) {
            pair.aliceSeals(new byte[1]);
        }
        assertThat(pair.bobOpens(pair.aliceSeals(new byte[1])).accepted()).isTrue(); // pn 10000, phase 1
        byte[] last = null;
        for (int i = 0; i <= ReplayWindow.WINDOW_SIZE; i++) {
            last = pair.aliceSeals(new byte[1]);
        }
        assertThat(pair.bobOpens(last).accepted()).isTrue(); // window now begins past pn 10000
        assertThat(pair.bobOpens(pair.aliceSeals(new byte[1])).accepted()).isTrue();

        assertThat(pair.bob.stats().receive().holdsPreviousKey()).isFalse();
    }

    @Test
    void forgedNextPhasePacketDoesNotMoveTheReceiver() {
        SessionPair pair = new SessionPair(EVERY_1000);
        byte[] packet = pair.aliceSeals(new byte[8]);
        byte[] forged = packet.clone();
        forged[1] ^= 0x10;
        forged[19] = 99;

        assertThat(pair.bobOpens(forged).drop()).isEqualTo(DropReason.AUTH_FAILED);
        assertThat(pair.bob.stats().receive().phase()).isZero();
        assertThat(pair.bobOpens(packet).accepted()).isTrue();
    }

    @Test
    void closeZeroesAndStopsBothDirectionsMidRekey() {
        SessionPair pair = new SessionPair(EVERY_1000);
        for (int i = 0; i < 1001; i++) {
            pair.bobOpens(pair.aliceSeals(new byte[1]));
        }
        byte[] pending = pair.aliceSeals(new byte[1]);
        pair.bob.close();

        assertThat(pair.bobOpens(pending).drop()).isEqualTo(DropReason.CLOSED);
        assertThat(pair.bob.stats().receive().holdsPreviousKey()).isFalse();
    }

    private static boolean phaseBit(byte[] packet) {
        return (packet[1] & 0x10) != 0;
    }

}
