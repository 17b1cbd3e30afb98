package io.ngisec.server.bench;

import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.DeviceIdentity;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.server.http.PolicyHttpServer;
import io.ngisec.server.http.ServerTls;
import io.ngisec.server.signal.LocalSignalTransport;
import io.ngisec.server.signal.SignalingHub;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A policy server front end for load tests, run in its own JVM: the real {@link PolicyHttpServer}
 * and {@link SignalingHub} over {@link BenchApi}, with a fresh CA whose client material it writes
 * to {@code --dir} (ca.der, clients/device-NNNN.key + .crt, invites.txt). Prints {@code key=value}
 * lines (port, pid, ca, clients, invites) and then {@code ready}; runs until killed.
 */
@Command(name = "bench-server", mixinStandardHelpOptions = true,
        description = "Starts the policy server's HTTPS/WebSocket front end over an in-memory API.")
public final class BenchServer implements Callable<Integer> {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Option(names = "--dir", required = true, description = "Where to write the client key material.")
    Path dir;

    @Option(names = "--devices", defaultValue = "64", description = "Device credentials to write (default ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--invites", defaultValue = "20000", description = "One-time invite codes to write (default ${DEFAULT-VALUE}).")
    int invites;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default: any free one).")
    int port;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchServer()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        OrgCa ca = OrgCa.create("Bench", Duration.ofDays(30), Clock.systemUTC(), RANDOM);
        X509Certificate caX509 = x509(ca.certificate().encoded());
        KeyPair serverKeys = Ed25519Keys.generate(RANDOM);
        X509Certificate serverCert = ca.issueServer(List.of("localhost", "127.0.0.1"), serverKeys.getPublic(), Duration.ofDays(30));
        ServerTls tls = new ServerTls(serverKeys.getPrivate(), new X509Certificate[] {serverCert}, caX509);

        BenchApi api = new BenchApi(ca);
        Path clients = dir.resolve("clients");
        Files.createDirectories(clients);
        Files.write(dir.resolve("ca.der"), ca.certificate().encoded());
        writeDevices(ca, clients);
        Path inviteFile = dir.resolve("invites.txt");
        writeInvites(api, inviteFile);

        PolicyHttpServer server = new PolicyHttpServer();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        int bound = server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), tls, api,
                new SignalingHub(new LocalSignalTransport(), api::maySignal));
        System.out.println("port=" + bound);
        System.out.println("pid=" + ProcessHandle.current().pid());
        System.out.println("ca=" + dir.resolve("ca.der").toAbsolutePath());
        System.out.println("clients=" + clients.toAbsolutePath());
        System.out.println("invites=" + inviteFile.toAbsolutePath());
        System.out.println("ready");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private void writeDevices(OrgCa ca, Path clients) throws IOException {
        for (int i = 0; i < devices; i++) {
            KeyPair keys = Ed25519Keys.generate(RANDOM);
            byte[] noise = new byte[32];
            RANDOM.nextBytes(noise);
            DeviceCertificate certificate = ca.issueDevice(new DeviceIdentity("bench" + i, DeviceId.random(),
                    "bench device " + i, List.of("staff"), noise), keys.getPublic(), Duration.ofDays(30));
            String name = String.format("device-%04d", i);
            Files.write(clients.resolve(name + ".key"), keys.getPrivate().getEncoded());
            Files.write(clients.resolve(name + ".crt"), certificate.encoded());
        }
    }

    private void writeInvites(BenchApi api, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < invites; i++) {
                InviteCode code = InviteCode.generate(RANDOM);
                api.addInvite(code);
                out.write(code.encoded());
                out.newLine();
            }
        }
    }

    private static X509Certificate x509(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
