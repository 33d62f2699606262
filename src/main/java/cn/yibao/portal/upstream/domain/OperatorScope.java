package cn.yibao.portal.upstream.domain;

/**
 * Whose people an operator may import. A staff operator: people insured in their own region (the region itself or
 * a place inside it). The sandbox's demo feed: everyone.
 */
public record OperatorScope(String regionCode, String regionName) {

    public static final OperatorScope UNRESTRICTED = new OperatorScope(null, null);

    boolean covers(Person person) {
        return regionCode == null || person.regionPath().contains(regionCode);
    }
}
