package cn.yibao.portal.filing;

import cn.yibao.portal.policy.RegionCatalog;

/** The real filing-type catalog ({@code filing/types.csv}) for plain unit tests in other modules. */
public final class FilingTypesForTests {

    private FilingTypesForTests() {
    }

    public static FilingTypeCatalog load(RegionCatalog regions) {
        return new FilingTypeCatalog(regions);
    }
}
