package cn.yibao.portal.web;

import cn.yibao.portal.shared.WholeTokens;
import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #nowrap.tokens(text)} in templates: the text, escaped, with each date, masked ID and amount kept whole on one
 * line ({@link WholeTokens}). Used as {@code th:utext="${#nowrap.tokens(...)}"} where a message puts a date into a
 * sentence or a range; the escaping is done here, never in the template. {@code #nowrap.zh(name)} marks a proper name
 * or document reference put into such a sentence: it comes out inside {@code lang="zh-CN"}.
 */
class WholeTokensDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final Nowrap NOWRAP = new Nowrap();

    WholeTokensDialect() {
        super("portal-whole-tokens");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("nowrap");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NOWRAP;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** The {@code #nowrap} expression object. */
    public static final class Nowrap {

        public String tokens(Object text) {
            return WholeTokens.html(text == null ? null : text.toString());
        }

        public String zh(Object text) {
            return WholeTokens.zh(text == null ? null : text.toString());
        }
    }
}
