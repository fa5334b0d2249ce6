// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.util.Arrays;

/**
 * The TLS server side of Zeek's default Broker transport, as {@code ssl_context_from_cfg} sets it up without
 * certificates: TLS 1.2 only, cipher {@code AECDH-AES256-SHA} (0xC019), group P-384, no certificates. On
 * BouncyCastle's own TLS API, which reads no JVM security properties, so the anonymous suite stays confined to
 * this endpoint.
 */
final class AnonymousTlsServer extends DefaultTlsServer {

    AnonymousTlsServer(TlsCrypto crypto) {
        super(crypto);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.TLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {CipherSuite.TLS_ECDH_anon_WITH_AES_256_CBC_SHA};
    }

    @Override
    public int[] getSupportedGroups() {
        return new int[] {NamedGroup.secp384r1};
    }

    /** No certificate, so nothing to staple; echoing the client's status_request would make JSSE expect one. */
    @Override
    protected boolean allowCertificateStatus() {
        return false;
    }

    @Override
    protected boolean allowMultiCertStatus() {
        return false;
    }

    @Override
    protected int selectECDH(int minimumCurveBits) {
        // Broker's OpenSSL offers only P-384; a client that names no groups may get any (RFC 4492 section 4).
        int[] offered = context.getSecurityParametersHandshake().getClientSupportedGroups();
        boolean ok = offered == null || Arrays.contains(offered, NamedGroup.secp384r1);
        return ok && minimumCurveBits <= 384 ? NamedGroup.secp384r1 : -1;
    }
}
