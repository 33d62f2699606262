package cn.yibao.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class NationalIdentityTypesTest {

    private final NationalIdentityTypes types = new NationalIdentityTypes(new MockEnvironment()
            .withProperty("portal.evoucher.mip.identity-type-names.[2302]", "低保对象"));

    @Test
    void aConfiguredCodeIsNamedAndAnUnknownOneShownAsItsCodeWithItsDates() {
        List<NationalIdentityTypes.Shown> shown = types.shown(List.of(
                Map.of("psn_idet_type", "2302", "begntime", "2023-01-01"),
                Map.of("psn_idet_type", "2399", "begntime", "2022-03-01", "endtime", "2023-02-28 23:59:59")));

        assertThat(shown).containsExactly(
                new NationalIdentityTypes.Shown("2302", "低保对象", "2023-01-01", null),
                new NationalIdentityTypes.Shown("2399", null, "2022-03-01", "2023-02-28"));
    }

    @Test
    void nothingIsShownWithoutIdentityTypes() {
        assertThat(types.shown(null)).isEmpty();
        assertThat(types.shown(List.of(Map.of("begntime", "2023-01-01")))).isEmpty();
    }
}
