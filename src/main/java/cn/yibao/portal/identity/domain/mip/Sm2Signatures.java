package cn.yibao.portal.identity.domain.mip;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM3withSM2 signatures (GB/T 32918 on the curve sm2p256v1) with a signer id, by default {@code 1234567812345678}.
 * Keys are written in hex: the private key as the 32-byte scalar, the public key as the uncompressed point
 * {@code 04‖x‖y} (the {@code 04} may be left out). Signatures are the DER {@code SEQUENCE {r, s}} in Base64, as
 * OpenSSL and Bouncy Castle write them.
 */
public final class Sm2Signatures {

    public static final String DEFAULT_USER_ID = "1234567812345678";

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private Sm2Signatures() {
    }

    public static String sign(String message, String privateKeyHex, String userId) {
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(new BigInteger(privateKeyHex.strip(), 16), DOMAIN);
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, new java.security.SecureRandom()),
                userId.getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        try {
            return Base64.getEncoder().encodeToString(signer.generateSignature());
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** False for a signature that does not match, is not Base64 or not DER, or a key that is not on the curve. */
    public static boolean verify(String message, String signatureBase64, String publicKeyHex, String userId) {
        try {
            byte[] signature = Base64.getDecoder().decode(signatureBase64.strip());
            SM2Signer verifier = new SM2Signer();
            verifier.init(false, new ParametersWithID(publicKey(publicKeyHex), userId.getBytes(StandardCharsets.UTF_8)));
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            verifier.update(bytes, 0, bytes.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The public key (hex, {@code 04‖x‖y}) that belongs to a private key. */
    public static String publicKeyOf(String privateKeyHex) {
        return HexFormat.of().formatHex(DOMAIN.getG().multiply(new BigInteger(privateKeyHex.strip(), 16))
                .normalize().getEncoded(false));
    }

    private static ECPublicKeyParameters publicKey(String hex) {
        String point = hex.strip();
        if (point.length() == 128) {
            point = "04" + point;
        }
        return new ECPublicKeyParameters(CURVE.getCurve().decodePoint(HexFormat.of().parseHex(point)), DOMAIN);
    }
}
