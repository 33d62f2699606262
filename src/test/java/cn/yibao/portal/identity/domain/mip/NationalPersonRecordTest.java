package cn.yibao.portal.identity.domain.mip;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.identity.domain.mip.NationalPersonRecord.IdentityType;
import cn.yibao.portal.identity.domain.mip.NationalPersonRecord.Mapped;
import cn.yibao.portal.identity.domain.mip.NationalPersonRecord.Problem;
import cn.yibao.portal.identity.domain.mip.NationalPersonRecord.Rejected;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class NationalPersonRecordTest {

    static final Predicate<String> SERVES_WENSHUI = "141121"::equals;

    static Map<String, Object> answer(List<Map<String, Object>> insuinfo, List<Map<String, Object>> idetinfo) {
        return Map.of("output", Map.of(
                "baseinfo", Map.of("psn_no", "14112100000000000021", "psn_name", "刘桂芳", "certno", "141121196004152121",
                        "gend", "2", "brdy", "1960-04-15"),
                "insuinfo", insuinfo, "idetinfo", idetinfo));
    }

    static Map<String, Object> insurance(String insutype, String status, String region) {
        return Map.of("insutype", insutype, "psn_insu_stas", status, "insuplc_admdvs", region);
    }

    @Test
    void aResidentSchemeMemberOfAServedRegionIsMappedWithHerIdentityTypesAndTheirDates() {
        var mapping = NationalPersonRecord.map(answer(
                List.of(insurance("310", "1", "110000"), insurance("390", "1", "141121")),
                List.of(Map.of("psn_idet_type", "2302", "psn_type_lv", "1", "begntime", "2021-01-01 00:00:00"),
                        Map.of("psn_idet_type", "2301", "begntime", "2019-01-01", "endtime", "2020-12-31 23:59:59"))),
                "mip:14112100000000000021", SERVES_WENSHUI);

        assertThat(mapping).isInstanceOf(Mapped.class);
        Mapped mapped = (Mapped) mapping;
        assertThat(mapped.identity().psnNo()).isEqualTo("14112100000000000021");
        assertThat(mapped.identity().name()).isEqualTo("刘桂芳");
        assertThat(mapped.identity().certno().value()).isEqualTo("141121196004152121");
        assertThat(mapped.identity().insuredRegionCode()).isEqualTo("141121");
        assertThat(mapped.identity().subject()).isEqualTo("mip:14112100000000000021");
        assertThat(mapped.identityTypes()).containsExactly(
                new IdentityType("2302", "1", LocalDate.of(2021, 1, 1), null),
                new IdentityType("2301", null, LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31)));
        assertThat(NationalPersonRecord.inForceOn(mapped.identityTypes(), LocalDate.of(2023, 10, 15)))
                .extracting(IdentityType::code).containsExactly("2302");
    }

    @Test
    void someoneWithoutAResidentSchemeRecordInForceIsNotSignedIn() {
        assertThat(NationalPersonRecord.map(answer(List.of(insurance("310", "1", "141121")), List.of()), "s",
                SERVES_WENSHUI)).isEqualTo(new Rejected(Problem.NOT_RESIDENT_SCHEME, "no resident scheme (insutype 390) record in force"));
        assertThat(NationalPersonRecord.map(answer(List.of(insurance("390", "2", "141121")), List.of()), "s",
                SERVES_WENSHUI)).as("suspended (暂停参保)").extracting(m -> ((Rejected) m).problem())
                .isEqualTo(Problem.NOT_RESIDENT_SCHEME);
    }

    @Test
    void someoneInsuredInARegionThePortalDoesNotServeIsNotSignedIn() {
        assertThat(NationalPersonRecord.map(answer(List.of(insurance("390", "1", "440305")), List.of()), "s",
                SERVES_WENSHUI)).extracting(m -> ((Rejected) m).problem()).isEqualTo(Problem.REGION_NOT_SERVED);
    }

    @Test
    void anAnswerWithoutBaseInfoOrWithABadIdNumberIsIncomplete() {
        assertThat(NationalPersonRecord.map(Map.of("output", Map.of()), "s", SERVES_WENSHUI))
                .extracting(m -> ((Rejected) m).problem()).isEqualTo(Problem.INCOMPLETE);
        assertThat(NationalPersonRecord.map(Map.of("baseinfo", Map.of("psn_no", "1", "psn_name", "某", "certno",
                "141121196004152120"), "insuinfo", List.of(insurance("390", "1", "141121"))), "s", SERVES_WENSHUI))
                .extracting(m -> ((Rejected) m).problem()).isEqualTo(Problem.INCOMPLETE);
    }
}
