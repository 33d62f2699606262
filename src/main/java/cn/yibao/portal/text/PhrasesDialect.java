package cn.yibao.portal.text;

import cn.yibao.portal.shared.Phrase;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #phrases.say(phrase)} in templates: the phrase in the page's language; {@code #phrases.html(phrase)} for
 * {@code th:utext} where it names places or documents.
 */
@Component
class PhrasesDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final Phrases phrases;

    PhrasesDialect(Phrases phrases) {
        super("portal-phrases");
        this.phrases = phrases;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("phrases");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return new Saying(phrases, context.getLocale());
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** The {@code #phrases} expression object of one page. */
    public record Saying(Phrases phrases, Locale locale) {

        public String say(Phrase phrase) {
            return phrases.say(phrase, locale);
        }

        /** For {@code th:utext}: escaped, with proper names and document references marked {@code lang="zh-CN"}. */
        public String html(Phrase phrase) {
            return phrases.html(phrase, locale);
        }
    }
}
