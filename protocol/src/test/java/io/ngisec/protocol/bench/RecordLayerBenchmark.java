package io.ngisec.protocol.bench;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.record.Limits;
import io.ngisec.protocol.record.OpenResult;
import io.ngisec.protocol.record.RecordException;
import io.ngisec.protocol.record.RecordLayer;
import io.ngisec.protocol.record.RekeyPolicy;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Record layer seal+open throughput against the floor it is built on: the same AES-256-GCM done
 * with bare JCA calls (fresh 12-byte nonce and 20-byte AAD per record, encrypt then decrypt), in
 * the same run. One op = one record sealed and opened. Run with protocol/bench.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RecordLayerBenchmark {

    @Param({"64", "1200", "1400", "16384"})
    public int payloadSize;

    private RecordLayer alice;
    private RecordLayer bob;
    private ByteBuffer payload;
    private ByteBuffer packet;
    private ByteBuffer plaintext;

    private Cipher encrypt;
    private Cipher decrypt;
    private SecretKeySpec rawKey;
    private final byte[] aad = new byte[Limits.HEADER_BYTES];
    private final byte[] nonce = new byte[Limits.NONCE_BYTES];
    private long counter;
    private byte[] rawPlaintext;
    private byte[] rawSealed;
    private byte[] rawOpened;

    @Setup
    public void setUp() throws GeneralSecurityException {
        byte[] aliceToBob = new byte[Limits.SECRET_BYTES];
        byte[] bobToAlice = new byte[Limits.SECRET_BYTES];
        Arrays.fill(aliceToBob, (byte) 1);
        Arrays.fill(bobToAlice, (byte) 2);
        alice = new RecordLayer(1, 2, aliceToBob, bobToAlice, RekeyPolicy.DEFAULT, System::nanoTime);
        bob = new RecordLayer(2, 1, bobToAlice, aliceToBob, RekeyPolicy.DEFAULT, System::nanoTime);
        payload = ByteBuffer.allocate(payloadSize);
        packet = ByteBuffer.allocate(payloadSize + Limits.OVERHEAD_BYTES);
        plaintext = ByteBuffer.allocate(payloadSize);

        encrypt = Cipher.getInstance("AES/GCM/NoPadding");
        decrypt = Cipher.getInstance("AES/GCM/NoPadding");
        rawKey = new SecretKeySpec(aliceToBob, "AES");
        rawPlaintext = new byte[payloadSize];
        rawSealed = new byte[payloadSize + Limits.TAG_BYTES];
        rawOpened = new byte[payloadSize];
    }

    @Benchmark
    public int recordSealOpen() throws RecordException {
        payload.clear();
        packet.clear();
        plaintext.clear();
        alice.seal(QosClass.VOICE, Service.CALL, payload, packet);
        OpenResult result = bob.open(packet.flip(), plaintext);
        if (!result.accepted()) {
            throw new IllegalStateException("dropped: " + result.dropReason());
        }
        return result.payloadLength();
    }

    @Benchmark
    public int jcaAesGcmBaseline() throws GeneralSecurityException {
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            nonce[Limits.NONCE_BYTES - 1 - i] = (byte) (n >>> (8 * i));
        }
        encrypt.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
        encrypt.updateAAD(aad);
        int sealed = encrypt.doFinal(rawPlaintext, 0, payloadSize, rawSealed, 0);
        decrypt.init(Cipher.DECRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
        decrypt.updateAAD(aad);
        return decrypt.doFinal(rawSealed, 0, sealed, rawOpened, 0);
    }
}
