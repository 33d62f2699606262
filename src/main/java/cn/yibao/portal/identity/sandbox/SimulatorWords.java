package cn.yibao.portal.identity.sandbox;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;

/**
 * The words of the simulated national platform ({@code sandbox/mip-simulator-words.properties}): its page and its
 * answers, in Chinese only, as the real platform's are. Kept apart from the portal's bundles because they are not
 * the portal's words.
 */
final class SimulatorWords {

    static final String RESOURCE = "sandbox/mip-simulator-words.properties";

    private static final Properties WORDS = load();

    private SimulatorWords() {
    }

    static String say(String key, Object... args) {
        String pattern = WORDS.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("No words for " + key + " in " + RESOURCE);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(args);
    }

    private static Properties load() {
        Properties words = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8)) {
            words.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return words;
    }
}
