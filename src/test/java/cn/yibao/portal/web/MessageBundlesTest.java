package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * English is complete: every key of the Chinese bundle has an English value, and no English value carries Chinese (nor its full-width punctuation) —
 * unless it is a proper name or a document reference, listed below with the reason (a page then prints it inside
 * {@code lang="zh-CN"}, which only a template can do, so such a value needs its markup where it is printed).
 */
class MessageBundlesTest {

    /** English values allowed to hold Chinese: key → why. Empty today; keep it short. */
    private static final Map<String, String> CHINESE_IN_ENGLISH = Map.of();

    @Test
    void theEnglishBundleHasEveryKeyOfTheChineseOneAndNoOther() throws IOException {
        Properties chinese = bundle("messages_zh_CN.properties");
        Properties english = bundle("messages_en.properties");

        Set<String> missing = new TreeSet<>(chinese.stringPropertyNames());
        missing.removeAll(english.stringPropertyNames());
        Set<String> extra = new TreeSet<>(english.stringPropertyNames());
        extra.removeAll(chinese.stringPropertyNames());

        assertThat(missing).as("keys with no English value").isEmpty();
        assertThat(extra).as("English keys the Chinese bundle does not have (a misspelt key?)").isEmpty();
        assertThat(english.stringPropertyNames()).as("the bundles were read").hasSizeGreaterThan(100);
    }

    @Test
    void noEnglishValueHoldsChineseUnlessItIsANameOrDocumentReferenceListedWithItsReason() throws IOException {
        Properties english = bundle("messages_en.properties");
        Map<String, String> withChinese = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            String value = english.getProperty(key);
            if (hasHan(value) && !CHINESE_IN_ENGLISH.containsKey(key)) {
                withChinese.put(key, value);
            }
        }
        assertThat(withChinese).as("English values with Chinese characters").isEmpty();
        assertThat(CHINESE_IN_ENGLISH.keySet()).as("listed exceptions that no longer hold Chinese (drop them)")
                .allMatch(key -> hasHan(english.getProperty(key, "")));
    }

    @Test
    void theHanCheckSeesChineseAndOnlyChinese() {
        assertThat(hasHan("Minimum living allowance (低保)")).isTrue();
        assertThat(hasHan("医保发〔2022〕20号")).isTrue();
        assertThat(hasHan("Qualified（2023）")).as("full-width punctuation reads wrong in English too").isTrue();
        assertThat(hasHan("For example 5,000 or 86.50 — ¥ “quoted” · 'single'")).isFalse();
    }

    static boolean hasHan(String text) {
        return cn.yibao.portal.support.ChineseOutsideZh.hasHan(text);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
