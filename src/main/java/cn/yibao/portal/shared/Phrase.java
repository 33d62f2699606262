package cn.yibao.portal.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Words for a person, as a message-bundle key and its arguments. Rules return phrases, never sentences, so the web
 * layer can say them in the reader's language ({@code #phrases.say(p)} in templates, {@code Phrases} elsewhere). An
 * argument may itself be a phrase: a label inside a sentence ("{0} 的处方") is said in the same language.
 */
public record Phrase(String key, List<Object> args) {

    public Phrase {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, Arrays.asList(args));
    }
}
