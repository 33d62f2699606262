package cn.yibao.portal.shared;

import java.util.Objects;

/**
 * A proper name or a document reference inside a {@link Phrase} ("文水县", "医保发〔2022〕20号 三"): said as written in
 * every language, and marked {@code lang="zh-CN"} on pages so a screen reader reads it as Chinese.
 */
public record Verbatim(String text) {

    public Verbatim {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
