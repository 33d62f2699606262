package cn.yibao.portal.identity.domain.mip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 in ECB mode with PKCS#7 padding, the {@code encData} cipher of the channel envelope, and the ways provinces
 * write it and derive its key.
 */
public final class Sm4Ecb {

    private Sm4Ecb() {
    }

    /** How {@code encData} (and a configured key) is written. */
    public enum Encoding {
        HEX, BASE64;

        public String encode(byte[] bytes) {
            return this == HEX ? HexFormat.of().withUpperCase().formatHex(bytes) : Base64.getEncoder().encodeToString(bytes);
        }

        /** @throws IllegalArgumentException when the text is not of this encoding */
        public byte[] decode(String text) {
            return this == HEX ? HexFormat.of().parseHex(text.strip().toLowerCase(Locale.ROOT))
                    : Base64.getDecoder().decode(text.strip());
        }
    }

    /** Where the SM4 key comes from. */
    public enum KeySource {
        /**
         * Derived from the channel's credentials: SM4-ECB-encrypt the app secret under the first 16 bytes of the app
         * id, write the result in upper-case hex and use its first 16 characters (as bytes) as the key.
         */
        DERIVED,
        /** A 16-byte key given in configuration, written in the configured {@link Encoding}. */
        CONFIGURED
    }

    public static byte[] key(KeySource source, Encoding encoding, String appId, String appSecret, String configuredKey) {
        if (source == KeySource.CONFIGURED) {
            byte[] key = encoding.decode(configuredKey == null ? "" : configuredKey);
            if (key.length != 16) {
                throw new IllegalArgumentException("the configured SM4 key is not 16 bytes");
            }
            return key;
        }
        byte[] appIdBytes = appId.getBytes(StandardCharsets.UTF_8);
        if (appIdBytes.length < 16) {
            throw new IllegalArgumentException("the app id is shorter than 16 bytes; configure the SM4 key instead");
        }
        byte[] encrypted = encrypt(Arrays.copyOf(appIdBytes, 16), appSecret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(encrypted).substring(0, 16).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] encrypt(byte[] key, byte[] plain) {
        return run(true, key, plain);
    }

    /** @throws IllegalArgumentException when the bytes are not a ciphertext under this key */
    public static byte[] decrypt(byte[] key, byte[] cipher) {
        return run(false, key, cipher);
    }

    private static byte[] run(boolean encrypt, byte[] key, byte[] input) {
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding());
        cipher.init(encrypt, new KeyParameter(key));
        byte[] output = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, output, 0);
        try {
            length += cipher.doFinal(output, length);
        } catch (InvalidCipherTextException | org.bouncycastle.crypto.DataLengthException e) {
            throw new IllegalArgumentException("not an SM4 ciphertext under this key", e);
        }
        return Arrays.copyOf(output, length);
    }
}
