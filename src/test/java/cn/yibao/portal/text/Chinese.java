package cn.yibao.portal.text;

import cn.yibao.portal.shared.Phrase;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Phrases said in Chinese from the real bundle, for rule tests that read what a resident reads. */
public final class Chinese {

    private static final Phrases PHRASES;

    static {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        bundle.setUseCodeAsDefaultMessage(false);
        PHRASES = new Phrases(bundle);
    }

    private Chinese() {
    }

    public static String say(Phrase phrase) {
        return PHRASES.say(phrase, Locale.SIMPLIFIED_CHINESE);
    }

    public static List<String> say(List<Phrase> phrases) {
        return phrases.stream().map(Chinese::say).toList();
    }

    public static String english(Phrase phrase) {
        return PHRASES.say(phrase, Locale.ENGLISH);
    }
}
