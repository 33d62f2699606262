package cn.yibao.portal.text;

import cn.yibao.portal.shared.Phrase;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The portal's own message bundles, for unit tests of rules that return {@link Phrase}s: the test reads the words a
 * person reads, and fails when a key is missing from a bundle.
 */
public final class RealBundles {

    private static final Phrases PHRASES = new Phrases(source());

    private RealBundles() {
    }

    /** For a unit under test that says phrases itself. */
    public static Phrases phrases() {
        return PHRASES;
    }

    public static String zh(Phrase phrase) {
        return PHRASES.say(phrase, Locale.SIMPLIFIED_CHINESE);
    }

    public static String en(Phrase phrase) {
        return PHRASES.say(phrase, Locale.ENGLISH);
    }

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
