package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.jkeepalived.core.config.lvs.SslSettings;

/**
 * The TLS context of the SSL_GET checkers. keepalived verifies the server only when the {@code SSL} block names a
 * {@code ca}; without one any certificate is accepted, since a health check asks "does it answer", not "is it
 * who it claims".
 */
public final class SslContexts {
    private SslContexts() {
    }

    public static SSLContext create(Optional<SslSettings> settings) {
        try {
            TrustManager[] trust;
            Optional<String> ca = settings.flatMap(SslSettings::ca);
            if (ca.isPresent()) {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                try (InputStream in = Files.newInputStream(Path.of(ca.get()))) {
                    int i = 0;
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        ks.setCertificateEntry("ca" + i++, c);
                    }
                }
                TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                f.init(ks);
                trust = f.getTrustManagers();
            } else {
                trust = new TrustManager[] {new AnyServer()};
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, trust, null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for SSL_GET: " + e.getMessage(), e);
        }
    }

    /** A client engine; with {@code sni} the virtualhost is sent as server name (enable_sni). */
    public static SSLEngine engine(SSLContext ctx, Optional<String> sni) {
        SSLEngine e = ctx.createSSLEngine();
        e.setUseClientMode(true);
        if (sni.isPresent()) {
            SSLParameters p = e.getSSLParameters();
            p.setServerNames(java.util.List.of(new SNIHostName(sni.get())));
            e.setSSLParameters(p);
        }
        return e;
    }

    /** Accepts every server certificate. */
    private static final class AnyServer implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // a client of ours never asks
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // any server that completes the handshake passes, as keepalived without a CA
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
