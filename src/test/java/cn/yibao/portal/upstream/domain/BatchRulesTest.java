package cn.yibao.portal.upstream.domain;

import static cn.yibao.portal.upstream.domain.TestLines.read;
import static cn.yibao.portal.upstream.domain.TestLines.valid;
import static cn.yibao.portal.upstream.domain.TestLines.with;
import static org.assertj.core.api.Assertions.assertThat;
import cn.yibao.portal.shared.Phrase;

import cn.yibao.portal.prescription.api.PrescriptionStatus;
import cn.yibao.portal.shared.NationalId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The people a batch names, and what it would do to what is stored: insert, nothing, move forward, or refuse. */
class BatchRulesTest {

    private static final UUID LIU_ID = UUID.fromString("00000000-0000-0000-0000-000000000021");
    private static final UUID WANG_ID = UUID.fromString("00000000-0000-0000-0000-000000000012");
    private static final NationalId LIU = NationalId.parse(TestLines.LIU).orElseThrow();
    private static final Map<NationalId, Person> PEOPLE = Map.of(LIU,
            new Person(LIU_ID, "刘桂芳", List.of("141121", "141100", "140000", "000000")));
    private static final OperatorScope WENSHUI = new OperatorScope("141121", "文水县");

    // ---- people --------------------------------------------------------------------------------------------------

    @Test
    void aKnownPersonWithTheRightNameInTheOperatorsRegionGetsTheirResidentId() {
        BatchRules.Resolved resolved = BatchRules.resolve(read(ImportKind.ASSISTANCE, valid(ImportKind.ASSISTANCE))
                .lines(), PEOPLE, WENSHUI, TestLines.POLICY);

        assertThat(resolved.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(resolved.lines()).singleElement().satisfies(line ->
                assertThat(line.record().residentId()).isEqualTo(LIU_ID));
    }

    @Test
    void anOperatorOfTheCityCoversItsCountiesAndTheFeedCoversEveryone() {
        List<ImportLine> lines = read(ImportKind.ASSISTANCE, valid(ImportKind.ASSISTANCE)).lines();

        assertThat(BatchRules.resolve(lines, PEOPLE, new OperatorScope("141100", "吕梁市"), TestLines.POLICY)
                .problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(BatchRules.resolve(lines, PEOPLE, OperatorScope.UNRESTRICTED, TestLines.POLICY).problems().stream().map(SaidProblem::of).toList()).isEmpty();
    }

    static Stream<Arguments> wrongPeople() {
        return Stream.of(
                Arguments.of(with(ImportKind.ASSISTANCE, "certno", "14112119750312121X"), WENSHUI, "certno",
                        "本平台没有该身份证号码的参保人。"),
                Arguments.of(with(ImportKind.ASSISTANCE, "name", "刘桂兰"), WENSHUI, "name",
                        "姓名与该身份证号码登记的参保人姓名不一致。"),
                Arguments.of(valid(ImportKind.ASSISTANCE), new OperatorScope("371000", "威海市"), "certno",
                        "该参保人不在您的辖区（威海市）参保，不能导入。"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("wrongPeople")
    void aLineAboutSomeoneTheOperatorMayNotImportIsRefused(Map<String, String> line, OperatorScope scope, String field,
                                                           String reason) {
        BatchRules.Resolved resolved = BatchRules.resolve(read(ImportKind.ASSISTANCE, line).lines(), PEOPLE, scope,
                TestLines.POLICY);

        assertThat(resolved.lines()).isEmpty();
        assertThat(resolved.problems().stream().map(SaidProblem::of).toList()).containsExactly(new SaidProblem(1, field, reason));
    }

    @Test
    void theIdNumbersOfABatchAreLookedUpOnceEach() {
        BatchRules.Reading reading = read(ImportKind.SETTLEMENTS, valid(ImportKind.SETTLEMENTS),
                with(ImportKind.SETTLEMENTS, "settlementNo", "JS002"));

        assertThat(BatchRules.certnos(reading.lines())).containsExactly(LIU);
    }

    // ---- stored data ---------------------------------------------------------------------------------------------

    private static ImportLine line(ImportKind kind, String... change) {
        return BatchRules.resolve(read(kind, with(kind, change)).lines(), PEOPLE, WENSHUI, TestLines.POLICY).lines()
                .get(0);
    }

    private static StoredRecords storedAs(ImportLine... lines) {
        Map<String, UpstreamRecord> byKey = new java.util.HashMap<>();
        for (ImportLine line : lines) {
            byKey.put(line.record().key(), line.record());
        }
        return new StoredRecords(byKey, Map.of(), Map.of(), Map.of("CF001", LIU_ID), Map.of());
    }

    @Test
    void aRecordNotStoredBeforeIsInserted() {
        BatchRules.Decided decided = BatchRules.decide(List.of(line(ImportKind.SETTLEMENTS)), storedAs());

        assertThat(decided.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(decided.decisions()).extracting(LineDecision::change).containsExactly(Change.INSERT);
    }

    @Test
    void theSameRecordAgainChangesNothing() {
        ImportLine settlement = line(ImportKind.SETTLEMENTS);

        BatchRules.Decided decided = BatchRules.decide(List.of(settlement), storedAs(settlement));

        assertThat(decided.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(decided.decisions()).extracting(LineDecision::change).containsExactly(Change.UNCHANGED);
    }

    @Test
    void theSameKeyWithOtherContentIsRefusedNamingTheFieldsThatDiffer() {
        ImportLine stored = line(ImportKind.SETTLEMENTS);
        ImportLine changed = line(ImportKind.SETTLEMENTS, "settledOn", "2023-09-05", "fundFen", "900", "selfFen", "990");

        BatchRules.Decided decided = BatchRules.decide(List.of(changed), storedAs(stored));

        assertThat(decided.decisions()).isEmpty();
        assertThat(decided.problems().stream().map(SaidProblem::of).toList()).containsExactly(new SaidProblem(1, "settledOn",
                "与已导入的记录不一致（不同的字段：settledOn、fundFen、selfFen）；已导入的记录不能更改。"));
    }

    static Stream<Arguments> prescriptionsMovingForward() {
        return Stream.of(
                Arguments.of("ISSUED", null, "DISPENSED", "2023-10-01"),
                Arguments.of("ISSUED", null, "SETTLED", "2023-10-01"),
                Arguments.of("DISPENSED", "2023-09-20", "SETTLED", "2023-09-20"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("prescriptionsMovingForward")
    void aPrescriptionMovingForwardIsUpdated(String from, String dispensedBefore, String to, String dispensedAfter) {
        ImportLine stored = line(ImportKind.PRESCRIPTIONS, "status", from, "dispensedOn", dispensedBefore);
        ImportLine now = line(ImportKind.PRESCRIPTIONS, "status", to, "dispensedOn", dispensedAfter);

        BatchRules.Decided decided = BatchRules.decide(List.of(now), storedAs(stored));

        assertThat(decided.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(decided.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.change()).isEqualTo(Change.UPDATE);
            assertThat(((PrescriptionRecord) decision.record()).status()).isEqualTo(PrescriptionStatus.valueOf(to));
        });
    }

    static Stream<Arguments> prescriptionsThatMayNotChange() {
        return Stream.of(
                Arguments.of("SETTLED", "2023-09-20", "DISPENSED", "2023-09-20", "status",
                        "处方状态不能从已结算（SETTLED）改回已取药（DISPENSED）。"),
                Arguments.of("DISPENSED", "2023-09-20", "ISSUED", null, "status",
                        "处方状态不能从已取药（DISPENSED）改回已开具（ISSUED）。"),
                Arguments.of("DISPENSED", "2023-09-20", "DISPENSED", "2023-09-21", "dispensedOn",
                        "与已导入的记录不一致（不同的字段：dispensedOn）；已导入的取药日期不能更改。"),
                Arguments.of("DISPENSED", "2023-09-20", "SETTLED", "2023-09-21", "dispensedOn",
                        "已导入的取药日期为 2023-09-20，不能更改。"));
    }

    @ParameterizedTest(name = "{0} -> {2}: {5}")
    @MethodSource("prescriptionsThatMayNotChange")
    void aPrescriptionGoingBackOrChangingItsDispensingDateIsRefused(String from, String dispensedBefore, String to,
                                                                   String dispensedAfter, String field, String reason) {
        ImportLine stored = line(ImportKind.PRESCRIPTIONS, "status", from, "dispensedOn", dispensedBefore);
        ImportLine now = line(ImportKind.PRESCRIPTIONS, "status", to, "dispensedOn", dispensedAfter);

        BatchRules.Decided decided = BatchRules.decide(List.of(now), storedAs(stored));

        assertThat(decided.decisions()).isEmpty();
        assertThat(decided.problems().stream().map(SaidProblem::of).toList()).containsExactly(new SaidProblem(1, field, reason));
    }

    @Test
    void aPrescriptionWhoseDrugChangesIsRefusedEvenWhenItsStatusMovesForward() {
        ImportLine stored = line(ImportKind.PRESCRIPTIONS, "status", "ISSUED", "dispensedOn", null);
        ImportLine now = line(ImportKind.PRESCRIPTIONS, "drugName", "缬沙坦胶囊");

        assertThat(BatchRules.decide(List.of(now), storedAs(stored)).problems().stream().map(SaidProblem::of).toList()).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).contains("drugName", "status", "dispensedOn"));
    }

    @Test
    void aSecondQualificationForTheSameDiseaseUnderAnotherNumberIsRefused() {
        StoredRecords stored = new StoredRecords(Map.of(),
                Map.of(StoredRecords.personDisease(LIU_ID, "HYPERTENSION"), "LB000"), Map.of(), Map.of(), Map.of());

        assertThat(BatchRules.decide(List.of(line(ImportKind.QUALIFICATIONS)), stored).problems().stream().map(SaidProblem::of).toList())
                .containsExactly(new SaidProblem(1, "disease", "该参保人已有高血压认定（认定编号 LB000），不能重复认定；如原认定有误，请先撤销（revokedOn）。"));
        assertThat(BatchRules.decide(List.of(line(ImportKind.QUALIFICATIONS, "disease", "DIABETES")), stored)
                .decisions()).extracting(LineDecision::change).containsExactly(Change.INSERT);
    }

    @Test
    void aSecondContributionRecordForTheSameYearUnderAnotherNumberIsRefused() {
        StoredRecords stored = new StoredRecords(Map.of(), Map.of(),
                Map.of(StoredRecords.personYear(LIU_ID, 2024), "SW000"), Map.of(), Map.of());

        assertThat(BatchRules.decide(List.of(line(ImportKind.CONTRIBUTIONS)), stored).problems().stream().map(SaidProblem::of).toList())
                .containsExactly(new SaidProblem(1, "benefitYear",
                        "该参保人 2024 年度已有缴费记录（编号 SW000），不能再导入另一条；如原记录有误，请先作废（withdrawnOn）。"));
    }

    @Test
    void aSettlementMayOnlyNameAPrescriptionAlreadyImportedForTheSamePerson() {
        ImportLine settlement = line(ImportKind.SETTLEMENTS);
        StoredRecords none = StoredRecords.NONE;
        StoredRecords someoneElses = new StoredRecords(Map.of(), Map.of(), Map.of(), Map.of("CF001", WANG_ID),
                Map.of());

        assertThat(BatchRules.decide(List.of(settlement), none).problems().stream().map(SaidProblem::of).toList())
                .containsExactly(new SaidProblem(1, "prescriptionNo", "处方 CF001 尚未导入，请先导入电子处方。"));
        assertThat(BatchRules.decide(List.of(settlement), someoneElses).problems().stream().map(SaidProblem::of).toList())
                .containsExactly(new SaidProblem(1, "prescriptionNo", "处方 CF001 不是该参保人的处方。"));
    }

    @Test
    void aListingOfAnotherDateIsANewRowAndTheSameDateWithAnotherStatusIsRefused() {
        ImportLine listed = line(ImportKind.ASSISTANCE);

        assertThat(BatchRules.decide(List.of(line(ImportKind.ASSISTANCE, "listedOn", "2023-10-01")), storedAs(listed))
                .decisions()).extracting(LineDecision::change).containsExactly(Change.INSERT);
        assertThat(BatchRules.decide(List.of(line(ImportKind.ASSISTANCE, "status", "NONE")), storedAs(listed))
                .problems().stream().map(SaidProblem::of).toList()).extracting(SaidProblem::field).containsExactly("status");
    }

    // ---- the whole batch -----------------------------------------------------------------------------------------

    @Test
    void aBatchWithAnyProblemStoresNothingAndListsProblemsInFileOrder() {
        Verdict verdict = BatchRules.verdict(3, List.of(new LineProblem(3, "a", Phrase.of("upstream.problem.missing")),
                        new LineProblem(1, "b", Phrase.of("upstream.problem.missing"))),
                List.of(new LineDecision(line(ImportKind.ASSISTANCE), Change.INSERT)));

        assertThat(verdict.refused()).isTrue();
        assertThat(verdict.decisions()).isEmpty();
        assertThat(verdict.problems().stream().map(SaidProblem::of).toList()).extracting(SaidProblem::line).containsExactly(1, 3);
        assertThat(verdict.changesNothing()).isFalse();
    }

    @Test
    void aBatchOfUnchangedLinesChangesNothingAndOneNewLineMakesItABatch() {
        ImportLine a = line(ImportKind.ASSISTANCE);
        ImportLine b = line(ImportKind.ASSISTANCE, "listedOn", "2023-10-01");

        Verdict unchanged = BatchRules.verdict(1, List.of(), List.of(new LineDecision(a, Change.UNCHANGED)));
        Verdict mixed = BatchRules.verdict(2, List.of(), List.of(new LineDecision(a, Change.UNCHANGED),
                new LineDecision(b, Change.INSERT)));

        assertThat(unchanged.changesNothing()).isTrue();
        assertThat(mixed.changesNothing()).isFalse();
        assertThat(mixed.count(Change.INSERT)).isEqualTo(1);
        assertThat(mixed.count(Change.UNCHANGED)).isEqualTo(1);
    }
}
