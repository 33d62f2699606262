package cn.yibao.portal.contribution.domain;

import cn.yibao.portal.policy.domain.FigureKind;
import cn.yibao.portal.resident.domain.AssistanceStatus;
import cn.yibao.portal.resident.domain.Category;

/** The Chinese names the documents use, for the explanation steps and notes. */
public final class Labels {

    private Labels() {
    }

    public static String of(Category category) {
        return switch (category) {
            case ADULT -> "成年居民";
            case MINOR -> "未成年居民";
            case COLLEGE_STUDENT -> "高校学生";
        };
    }

    public static String of(AssistanceStatus assistance) {
        return switch (assistance) {
            case NONE -> "无";
            case EXTREME_POVERTY -> "特困人员";
            case MINIMUM_LIVING -> "低保对象";
            case RELAPSED_POVERTY -> "返贫致贫人口";
            case MONITORED -> "乡村振兴部门监测对象";
        };
    }

    static String qualifier(FigureKind kind) {
        return switch (kind) {
            case MINIMUM -> "（最低标准）";
            case AVERAGE -> "（人均标准）";
            default -> "";
        };
    }
}
