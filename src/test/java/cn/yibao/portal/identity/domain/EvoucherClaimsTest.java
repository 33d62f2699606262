package cn.yibao.portal.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.identity.api.EvoucherIdentity;
import cn.yibao.portal.shared.NationalId;
import cn.yibao.portal.shared.Phrase;
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

    @ParameterizedTest(name = "{0} = [{1}] -> {2} {3}")
    @CsvSource(nullValues = "ABSENT", value = {
            "sub,            ABSENT,             evoucher.claims.subject, ABSENT",
            "sub,            '  ',               evoucher.claims.subject, ABSENT",
            "name,           ABSENT,             evoucher.claims.name,    ABSENT",
            "name,           '',                 evoucher.claims.name,    ABSENT",
            "certno,         ABSENT,             evoucher.claims.certno,  nationalId.problem.missing",
            "certno,         141121197503121211, evoucher.claims.certno,  nationalId.problem.checkCharacter",
            "certno,         14112119751312121X, evoucher.claims.certno,  nationalId.problem.birthDate",
            "certno,         1411211975031212,   evoucher.claims.certno,  nationalId.problem.format",
            "psn_no,         ABSENT,             evoucher.claims.psnNo,   ABSENT",
            "psn_no,         'PSN-0001',         evoucher.claims.psnNo,   ABSENT",
            "insuplc_admdvs, ABSENT,             evoucher.claims.region,  ABSENT",
            "insuplc_admdvs, 14112,              evoucher.claims.region,  ABSENT",
            "insuplc_admdvs, 1411210,            evoucher.claims.region,  ABSENT",
            "insuplc_admdvs, 14112A,             evoucher.claims.region,  ABSENT"})
    void rejectsMissingOrInvalidClaimSayingWhich(String claim, String value, String reasonKey, String idProblemKey) {
        Map<String, Object> claims = validClaims();
        claims.put(claim, value);

        Phrase expected = idProblemKey == null ? Phrase.of(reasonKey) : Phrase.of(reasonKey, Phrase.of(idProblemKey));
        assertThat(EvoucherClaims.map(claims)).isInstanceOfSatisfying(EvoucherClaims.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(expected));
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
