package cn.yibao.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.shared.Region;
import org.junit.jupiter.api.Test;

class RegionCatalogTest {

    private static final RegionCatalog REGIONS = new RegionCatalog();

    @Test
    void placesAreNamedAsPeopleNameThemWithoutGroupingLevels() {
        assertThat(REGIONS.displayName("350100", "")).isEqualTo("福建省福州市");
        assertThat(REGIONS.displayName("141121", " ")).isEqualTo("山西省 吕梁市 文水县");
        assertThat(REGIONS.displayName("110100", "")).as("市辖区 is a code-list level").isEqualTo("北京市");
        assertThat(REGIONS.displayName("110101", "")).isEqualTo("北京市东城区");
        assertThat(REGIONS.displayName("999999", "")).as("unknown: the code itself").isEqualTo("999999");
    }

    @Test
    void descendantsAndChildrenComeFromTheIndex() {
        assertThat(REGIONS.children("371000")).extracting(Region::code).contains("371002").doesNotContain("371000");
        assertThat(REGIONS.withDescendants("371000")).extracting(Region::code).startsWith("371000").contains("371002");
        assertThat(REGIONS.withDescendants("000000")).hasSize(3349);
        assertThat(REGIONS.withDescendants("999999")).isEmpty();
    }
}
