package io.ngisec.server.http;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.IdentityTunables;
import io.ngisec.server.api.ApiException;
import java.security.cert.Certificate;
import java.time.Clock;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Authenticates the caller by the TLS client certificate of its connection. The verdict is kept
 * on the connection for as long as the same certificate object is shown and has not expired, so
 * a keep-alive connection costs one signature check. Thread safe.
 */
final class TlsCallerAuthenticator implements CallerAuthenticator {

    private static final AttributeKey<Verified> VERIFIED = AttributeKey.valueOf(TlsCallerAuthenticator.class, "verified");

    private final ClientCertificateCheck check;
    private final Clock clock;

    TlsCallerAuthenticator(ClientCertificateCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @Override
    public DeviceId authenticate(Channel channel) throws ApiException {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl == null) {
            throw ClientCertificateCheck.missing();
        }
        Certificate[] chain;
        try {
            chain = ssl.engine().getSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw ClientCertificateCheck.missing();
        }
        if (chain == null || chain.length == 0) {
            throw ClientCertificateCheck.missing();
        }
        Verified cached = channel.attr(VERIFIED).get();
        if (cached != null && cached.shown() == chain[0]
                && !clock.instant().minus(IdentityTunables.ALLOWED_CLOCK_SKEW).isAfter(cached.device().notAfter())) {
            return cached.device().deviceId();
        }
        DeviceCertificate device = check.verify(chain);
        channel.attr(VERIFIED).set(new Verified(chain[0], device));
        return device.deviceId();
    }

    private record Verified(Certificate shown, DeviceCertificate device) {
    }
}
