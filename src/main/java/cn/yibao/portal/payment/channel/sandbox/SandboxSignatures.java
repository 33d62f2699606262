package cn.yibao.portal.payment.channel.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * The sandbox channel's RSA key pair: generated at first start and kept under {@code <data-dir>/keys/}, so that
 * notifications signed before a restart still verify after it. Signs like WeChat Pay v3: SHA256withRSA over
 * {@code timestamp\nnonce\nbody\n}.
 */
public final class SandboxSignatures {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    SandboxSignatures(KeyPair keys) {
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
    }

    static SandboxSignatures loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                Properties stored = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return new SandboxSignatures(new KeyPair(
                        rsa.generatePublic(new X509EncodedKeySpec(decode(stored, "public"))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(decode(stored, "private")))));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Properties stored = new Properties();
            stored.setProperty("public", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
            stored.setProperty("private", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                stored.store(writer, "Sandbox payment channel key pair, generated on first start. Never use in production.");
            }
            return new SandboxSignatures(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable sandbox payment key file " + file, e);
        }
    }

    private static byte[] decode(Properties stored, String name) {
        return Base64.getDecoder().decode(stored.getProperty(name, ""));
    }

    public static String message(String timestamp, String nonce, String body) {
        return timestamp + "\n" + nonce + "\n" + body + "\n";
    }

    String sign(String message) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verify(String message, String signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }
}
