package cn.yibao.portal.resident;

import cn.yibao.portal.database.SandboxKeyFile;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Keys for {@link IdNumberProtection}. Production must configure both ({@code PORTAL_ID_ENCRYPTION_KEY},
 * {@code PORTAL_ID_HASH_KEY}: 32 random bytes each, base64). The sandbox generates them on first start and keeps
 * them beside the embedded database, because losing them would make the stored rows unreadable.
 */
@Configuration(proxyBeanMethods = false)
class IdNumberKeysConfiguration {

    private static final String ENCRYPTION = "id-encryption-key";
    private static final String HASH = "id-hash-key";

    @Bean
    IdNumberProtection idNumberProtection(Environment environment) {
        String encryption = environment.getProperty("portal.crypto." + ENCRYPTION, "");
        String hash = environment.getProperty("portal.crypto." + HASH, "");
        if (encryption.isBlank() || hash.isBlank()) {
            if (!environment.acceptsProfiles(Profiles.of("sandbox"))) {
                throw new IllegalStateException("Set PORTAL_ID_ENCRYPTION_KEY and PORTAL_ID_HASH_KEY "
                        + "(32 random bytes each, base64, e.g. `openssl rand -base64 32`)");
            }
            Properties sandboxKeys = SandboxKeyFile.load(environment.getProperty("portal.data-dir", "./data"),
                    "sandbox-id-keys.properties", List.of(ENCRYPTION, HASH));
            encryption = sandboxKeys.getProperty(ENCRYPTION);
            hash = sandboxKeys.getProperty(HASH);
        }
        return new IdNumberProtection(aesKey(encryption, ENCRYPTION), new SecretKeySpec(decode(hash, HASH), "HmacSHA256"));
    }

    private static SecretKey aesKey(String base64, String name) {
        return new SecretKeySpec(decode(base64, name), "AES");
    }

    private static byte[] decode(String base64, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("portal.crypto." + name + " is not valid base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("portal.crypto." + name + " must be 32 bytes, not " + key.length);
        }
        return key;
    }
}
