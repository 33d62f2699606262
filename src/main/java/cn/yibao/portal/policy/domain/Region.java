package cn.yibao.portal.policy.domain;

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
}
