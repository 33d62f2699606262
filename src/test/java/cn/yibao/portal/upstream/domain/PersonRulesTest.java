package cn.yibao.portal.upstream.domain;

import static cn.yibao.portal.upstream.domain.TestLines.read;
import static cn.yibao.portal.upstream.domain.TestLines.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.shared.NationalId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What depends on where the person named is insured: the remote flag, and the highest personal contribution. */
class PersonRulesTest {

    private static final NationalId LIU = NationalId.parse(TestLines.LIU).orElseThrow();
    private static final NationalId CHEN = NationalId.parse("371002198507163110").orElseThrow();
    private static final Map<NationalId, Person> PEOPLE = Map.of(
            LIU, new Person(UUID.randomUUID(), "刘桂芳", TestLines.REGIONS.pathToNational("141121")),
            CHEN, new Person(UUID.randomUUID(), "陈海波", TestLines.REGIONS.pathToNational("371000")));

    private static List<SaidProblem> problems(ImportKind kind, String... change) {
        return BatchRules.resolve(read(kind, with(kind, change)).lines(), PEOPLE, OperatorScope.UNRESTRICTED,
                TestLines.POLICY).problems().stream().map(SaidProblem::of).toList();
    }

    @ParameterizedTest(name = "facility {0}, remote {1}")
    @CsvSource({
            "141121, NONE", "141102, NONE", "141100, NONE",
            "140106, FILED", "140106, UNFILED_TEMPORARY", "371000, FILED",
            // A facility named only by its province cannot be placed: nothing is said.
            "140000, NONE", "140000, FILED"})
    void aRemoteFlagThatMatchesWhereTheFacilityIsPasses(String facilityRegion, String remote) {
        assertThat(problems(ImportKind.SETTLEMENTS, "facilityRegion", facilityRegion, "remote", remote)).isEmpty();
    }

    @Test
    void aFacilityOutsideThePoolingAreaCannotBeNonRemote() {
        assertThat(problems(ImportKind.SETTLEMENTS, "facilityRegion", "140106", "remote", "NONE")).containsExactly(
                new SaidProblem(1, "remote", "就医机构所在地迎泽区（140106）不在参保人的统筹地区（吕梁市）内，属于异地就医："
                        + "remote 应为 FILED（已备案）或 UNFILED_TEMPORARY（未备案临时外出就医），不能为 NONE。"));
    }

    @Test
    void aFacilityInsideThePoolingAreaIsNotRemote() {
        assertThat(problems(ImportKind.SETTLEMENTS, "facilityRegion", "141102", "remote", "UNFILED_TEMPORARY"))
                .containsExactly(new SaidProblem(1, "remote", "就医机构所在地离石区（141102）在参保人的统筹地区（吕梁市）内，"
                        + "不属于异地就医：remote 应为 NONE，不能为 UNFILED_TEMPORARY。"));
        assertThat(problems(ImportKind.SETTLEMENTS, "facilityRegion", "141121", "remote", "FILED"))
                .extracting(SaidProblem::field).containsExactly("remote");
    }

    @Test
    void aReversalRepeatsItsOriginalSoItsRemoteFlagIsNotAskedAgain() {
        assertThat(problems(ImportKind.SETTLEMENTS, "settlementNo", "JS002", "reversesSettlementNo", "JS001",
                "facilityRegion", "140106", "remote", "NONE")).isEmpty();
    }

    @ParameterizedTest(name = "{0} fen")
    @CsvSource({"38000", "10000", "7600", "3800", "0"})
    void aWenshuiContributionFor2024UpToThe380YuanOfItsNoticePasses(String fen) {
        assertThat(problems(ImportKind.CONTRIBUTIONS, "amountFen", fen)).isEmpty();
    }

    @Test
    void aWenshuiContributionAboveThe380YuanOfItsNoticeIsRefusedNamingTheDocument() {
        assertThat(problems(ImportKind.CONTRIBUTIONS, "amountFen", "38001")).containsExactly(new SaidProblem(1,
                "amountFen", "个人缴费金额（38001 分）超过文水县 2024 年度公布的最高个人缴费标准（38000 分，文医保发〔2023〕10号）。"));
    }

    @Test
    void weihaisHighestIsTheSecondGrade() {
        String[] chen = {"certno", CHEN.value(), "name", "陈海波"};
        assertThat(problems(ImportKind.CONTRIBUTIONS, concat(chen, "amountFen", "65000"))).isEmpty();
        assertThat(problems(ImportKind.CONTRIBUTIONS, concat(chen, "amountFen", "65001")))
                .singleElement().satisfies(problem -> assertThat(problem.reason())
                        .contains("威海市 2024 年度", "65000 分", "威医保发〔2023〕38号"));
    }

    @Test
    void whereThePoolingAreaPublishesNoFigureNoAmountIsRefused() {
        // 威海 publishes no adult figure for 2023: only the national 350 (医保发〔2022〕20号).
        String[] chen = {"certno", CHEN.value(), "name", "陈海波"};
        assertThat(problems(ImportKind.CONTRIBUTIONS, concat(chen, "benefitYear", "2023", "benefitStart", "2023-01-01",
                "benefitEnd", "2023-12-31", "amountFen", "99999"))).isEmpty();
    }

    @Test
    void aWenshuiContributionFor2023AboveThe350YuanOfItsNoticeIsRefused() {
        // 文医保发〔2023〕10号 一（一）: "个人缴费标准由2023年的350元/人提高到380元/人".
        assertThat(problems(ImportKind.CONTRIBUTIONS, "benefitYear", "2023", "benefitStart", "2023-01-01",
                "benefitEnd", "2023-12-31", "amountFen", "35001")).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).contains("文水县 2023 年度", "35000 分",
                        "文医保发〔2023〕10号"));
    }

    @Test
    void aWithdrawalRepeatsAStoredRecordSoItsAmountIsNotAskedAgain() {
        assertThat(problems(ImportKind.CONTRIBUTIONS, "amountFen", "45000", "withdrawnOn", "2023-10-10")).isEmpty();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
