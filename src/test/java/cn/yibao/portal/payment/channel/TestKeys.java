package cn.yibao.portal.payment.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** RSA keys made for one test run, and the SHA256withRSA signatures the channels use. Nothing real. */
public final class TestKeys {

    private static final Map<String, KeyPair> NAMED = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /** The key pair called {@code name} in this test run (2048-bit RSA takes a while to make, so each is made once). */
    public static KeyPair named(String name) {
        return NAMED.computeIfAbsent(name, unused -> rsa());
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 of SHA256withRSA over the UTF-8 bytes of {@code message}. */
    public static String sign(PrivateKey key, String message) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(PublicKey key, String message, String base64Signature) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String base64(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** PKCS#8 ("PRIVATE KEY") or X.509 SubjectPublicKeyInfo ("PUBLIC KEY") PEM, as the channels' key files are. */
    public static Path pem(Path directory, String name, java.security.Key key) {
        String type = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        try {
            return Files.writeString(directory.resolve(name),
                    "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
