package cn.yibao.portal.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.identity.api.EvoucherIdentity;
import cn.yibao.portal.shared.NationalId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvoucherClaimsTest {

    private static final String ID = "14112119750312121X";
    private static final String NAME = "王建国";

    private static Map<String, Object> validClaims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "evoucher-user-0001");
        claims.put(EvoucherClaims.NAME, NAME);
        claims.put(EvoucherClaims.CERTNO, ID);
        claims.put(EvoucherClaims.PSN_NO, "14000000000000000123");
        claims.put(EvoucherClaims.INSURED_REGION, "141121");
        return claims;
    }

    @Test
    void mapsCompleteClaimsToIdentity() {
        EvoucherClaims.Mapping mapping = EvoucherClaims.map(validClaims());

        assertThat(mapping).isInstanceOfSatisfying(EvoucherClaims.Mapped.class, mapped -> {
            EvoucherIdentity identity = mapped.identity();
            assertThat(identity.subject()).isEqualTo("evoucher-user-0001");
            assertThat(identity.name()).isEqualTo(NAME);
            assertThat(identity.certno()).isEqualTo(NationalId.parse(ID).orElseThrow());
            assertThat(identity.psnNo()).isEqualTo("14000000000000000123");
            assertThat(identity.insuredRegionCode()).isEqualTo("141121");
        });
    }

    @Test
    void normalisesLowerCaseXInIdNumber() {
        Map<String, Object> claims = validClaims();
        claims.put(EvoucherClaims.CERTNO, "14112119750312121x");

        assertThat(EvoucherClaims.map(claims)).isInstanceOfSatisfying(EvoucherClaims.Mapped.class,
                mapped -> assertThat(mapped.identity().certno().value()).isEqualTo(ID));
    }

    @ParameterizedTest(name = "{0} = [{1}] -> {2}")
    @CsvSource(nullValues = "ABSENT", value = {
            "sub,            ABSENT,             用户标识",
            "sub,            '  ',               用户标识",
            "name,           ABSENT,             姓名",
            "name,           '',                 姓名",
            "certno,         ABSENT,             身份证号码",
            "certno,         141121197503121211, 校验位",
            "certno,         14112119751312121X, 出生日期",
            "certno,         1411211975031212,   18位",
            "psn_no,         ABSENT,             人员编号",
            "psn_no,         'PSN-0001',         人员编号",
            "insuplc_admdvs, ABSENT,             行政区划代码",
            "insuplc_admdvs, 14112,              行政区划代码",
            "insuplc_admdvs, 1411210,            行政区划代码",
            "insuplc_admdvs, 14112A,             行政区划代码"})
    void rejectsMissingOrInvalidClaimWithChineseReason(String claim, String value, String reasonFragment) {
        Map<String, Object> claims = validClaims();
        claims.put(claim, value);

        assertThat(EvoucherClaims.map(claims)).isInstanceOfSatisfying(EvoucherClaims.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("电子凭证").contains(reasonFragment));
    }

    @Test
    void identityToStringOmitsIdNumberAndName() {
        EvoucherIdentity identity = ((EvoucherClaims.Mapped) EvoucherClaims.map(validClaims())).identity();

        assertThat(identity.toString())
                .doesNotContain(ID)
                .doesNotContain(NAME)
                .contains("14000000000000000123");
    }
}
