package cn.yibao.portal.shared;

import java.util.Set;

/** How personal data is shown: ID numbers keep the first 3 and last 4 characters, names keep the surname. */
public final class PersonalDataMasks {

    /** Two-character surnames (复姓) that stay visible as a whole, so that 欧阳文静 becomes 欧阳** rather than 欧***. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
            "夏侯", "令狐", "端木", "轩辕", "申屠", "独孤", "南宫", "西门", "万俟", "闻人", "澹台", "公羊",
            "太史", "钟离", "呼延", "百里", "东郭", "赫连", "拓跋", "濮阳", "单于", "淳于", "司空", "羊舌");

    private PersonalDataMasks() {
    }

    public static String maskIdNumber(String id) {
        if (id == null || id.length() < 8) {
            return "*".repeat(id == null ? 0 : id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }

    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        int[] codePoints = trimmed.codePoints().toArray();
        if (codePoints.length == 1) {
            return "*";
        }
        int surnameLength = codePoints.length > 2 && COMPOUND_SURNAMES.contains(new String(codePoints, 0, 2)) ? 2 : 1;
        return new String(codePoints, 0, surnameLength) + "*".repeat(codePoints.length - surnameLength);
    }
}
