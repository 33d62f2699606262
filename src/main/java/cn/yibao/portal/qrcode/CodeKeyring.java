package cn.yibao.portal.qrcode;

import cn.yibao.portal.database.SandboxKeyFile;
import cn.yibao.portal.qrcode.domain.SigningKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The keys that sign and verify codes. Production: {@code PORTAL_CODE_KEYS=2:<base64>,1:<base64>} — the first signs,
 * all verify, so a new key is rotated in by putting it first and the previous one is dropped once its codes have
 * expired. Sandbox: one key generated on first start and kept beside the data.
 */
@Component
class CodeKeyring {

    private final SigningKey signing;
    private final Map<Integer, SigningKey> verifying;

    CodeKeyring(Environment environment) {
        String configured = environment.getProperty("portal.codes.keys", "");
        Map<Integer, SigningKey> keys = new LinkedHashMap<>();
        if (configured.isBlank()) {
            if (!environment.acceptsProfiles(Profiles.of("sandbox"))) {
                throw new IllegalStateException("Set PORTAL_CODE_KEYS (e.g. 1:$(openssl rand -base64 32)) to sign QR codes");
            }
            String secret = SandboxKeyFile.load(environment.getProperty("portal.data-dir", "./data"),
                    "sandbox-code-keys.properties", List.of("code-key-1")).getProperty("code-key-1");
            keys.put(1, new SigningKey(1, Base64.getDecoder().decode(secret)));
        } else {
            for (String entry : configured.split(",")) {
                String[] parts = entry.strip().split(":", 2);
                if (parts.length != 2 || !parts[0].matches("\\d{1,3}")) {
                    throw new IllegalStateException("PORTAL_CODE_KEYS entries look like <id>:<base64 key>");
                }
                int id = Integer.parseInt(parts[0]);
                keys.put(id, new SigningKey(id, Base64.getDecoder().decode(parts[1].strip())));
            }
        }
        this.signing = keys.values().iterator().next();
        this.verifying = Map.copyOf(keys);
    }

    SigningKey signing() {
        return signing;
    }

    Map<Integer, SigningKey> verifying() {
        return verifying;
    }
}
