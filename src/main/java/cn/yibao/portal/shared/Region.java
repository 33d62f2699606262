package cn.yibao.portal.shared;

/** An administrative division (GB/T 2260): 6-digit code, Chinese name, level, parent ({@code null} for national). */
public record Region(String code, String name, Level level, String parentCode) {

    public static final String NATIONAL = "000000";

    /* The code list's own names for levels that only group others: matched against the list, never shown. */
    private static final String CITY_DISTRICTS = "市辖区";
    private static final String COUNTIES = "县";
    private static final String COUNTIES_UNDER_PROVINCE = "直辖县级行政区划";

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
        return CITY_DISTRICTS.equals(name) || COUNTIES.equals(name) || groupsCountiesUnderProvince(name);
    }

    /**
     * A province's "省直辖县级行政区划": it stands where a city would, but each county-level city in it is an area of
     * its own.
     */
    public static boolean groupsCountiesUnderProvince(String name) {
        return name.endsWith(COUNTIES_UNDER_PROVINCE);
    }
}
