package cn.yibao.portal.contribution.domain;

import cn.yibao.portal.policy.api.FigureKind;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.shared.Phrase;

/** The names the documents use, as the bundle keys the pages use too ({@code category.*}, {@code assistance.*}). */
public final class Labels {

    private Labels() {
    }

    public static Phrase of(Category category) {
        return Phrase.of("category." + category.name());
    }

    public static Phrase of(AssistanceStatus assistance) {
        return Phrase.of("assistance." + assistance.name());
    }

    /** "（最低标准）" after a minimum or average figure; nothing after others. */
    static Object qualifier(FigureKind kind) {
        return switch (kind) {
            case MINIMUM, AVERAGE -> Phrase.of("contribution.qualifier." + kind.name());
            default -> "";
        };
    }
}
