package cn.yibao.portal.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Sandbox-only secrets, generated on first start and kept beside the embedded database under
 * {@code <data-dir>/keys/}: losing them would make stored data (encrypted ID numbers) or issued codes unreadable,
 * so they persist with the data. Production configures its keys instead.
 */
public final class SandboxKeyFile {

    private SandboxKeyFile() {
    }

    /** The named 32-byte keys (base64) from {@code <dataDir>/keys/<file>}, generating the file if it is missing. */
    public static synchronized Properties load(String dataDir, String file, List<String> keyNames) {
        Path path = Path.of(dataDir, "keys", file);
        Properties keys = new Properties();
        try {
            if (Files.exists(path)) {
                try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    keys.load(reader);
                }
                if (keyNames.stream().allMatch(keys::containsKey)) {
                    return keys;
                }
            }
            SecureRandom random = new SecureRandom();
            for (String name : keyNames) {
                if (!keys.containsKey(name)) {
                    byte[] key = new byte[32];
                    random.nextBytes(key);
                    keys.setProperty(name, Base64.getEncoder().encodeToString(key));
                }
            }
            Files.createDirectories(path.getParent());
            try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                keys.store(writer, "Sandbox-only keys, generated on first start. Never use in production.");
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + path, e);
        }
    }
}
