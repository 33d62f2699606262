package cn.yibao.portal.payment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;

/**
 * Notifications as the sandbox channel sends them, built by the test: JSON body, signed with SHA256withRSA over
 * {@code timestamp\nnonce\nbody\n}, in the headers X-Sandbox-Timestamp/Nonce/Signature. Signed with the sandbox's
 * own persisted private key they are genuine; with any other key they are forged.
 */
final class SandboxNotifications {

    static final String NOTIFY_PATH = "/api/v1/payments/notify/SANDBOX";
    static final String MERCHANT = "SANDBOX-MCH-0001";

    /** One notification exactly as it goes over the wire: replaying it sends the very same bytes and headers. */
    record Signed(String body, String timestamp, String nonce, String signature) {

        /** The same headers over another body: what someone who changed the body in transit would send. */
        Signed withBody(String otherBody) {
            return new Signed(otherBody, timestamp, nonce, signature);
        }
    }

    private final PrivateKey key;

    private SandboxNotifications(PrivateKey key) {
        this.key = key;
    }

    /** Signs with the key the sandbox generated at first start ({@code <data-dir>/keys/sandbox-pay-rsa.properties}). */
    static SandboxNotifications withTheSandboxKey(String dataDir) {
        Path file = Path.of(dataDir, "keys", "sandbox-pay-rsa.properties");
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(reader);
            return new SandboxNotifications(KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.getProperty("private")))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs with a key of the test's own: what a forger without the channel's key can do. */
    static SandboxNotifications withAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SandboxNotifications(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String payment(String merchantId, String orderNo, String transactionId, long amountFen, String status) {
        return "{\"type\":\"PAYMENT\",\"merchantId\":\"" + merchantId + "\",\"orderNo\":\"" + orderNo
                + "\",\"transactionId\":" + (transactionId == null ? "null" : "\"" + transactionId + "\"")
                + ",\"amountFen\":" + amountFen + ",\"status\":\"" + status + "\",\"occurredAt\":\"" + Instant.now()
                + "\"}";
    }

    static String paid(String orderNo, String transactionId, long amountFen) {
        return payment(MERCHANT, orderNo, transactionId, amountFen, "PAID");
    }

    static String closed(String orderNo, long amountFen) {
        return payment(MERCHANT, orderNo, null, amountFen, "CLOSED");
    }

    /** Signed now (wall-clock time, as the sandbox signs). */
    Signed sign(String body) {
        return sign(body, Instant.now());
    }

    Signed sign(String body, Instant at) {
        String timestamp = String.valueOf(at.getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update((timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
            return new Signed(body, timestamp, nonce, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
