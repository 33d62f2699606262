package cn.yibao.portal.shared;

/** An administrative division (GB/T 2260): 6-digit code, Chinese name, level, parent ({@code null} for national). */
public record Region(String code, String name, Level level, String parentCode) {

    public static final String NATIONAL = "000000";

    public enum Level { NATIONAL, PROVINCE, CITY, COUNTY }

    public Region {
        if (code == null || !code.matches("\\d{6}")) {
            throw new IllegalArgumentException("region code must be 6 digits: " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("region " + code + " has no name");
        }
    }

    /** Code-list levels that only group others (市辖区, 县, 省直辖县级行政区划): a person would never name them. */
    public boolean isGrouping() {
        return "市辖区".equals(name) || "县".equals(name) || name.endsWith("直辖县级行政区划");
    }
}
