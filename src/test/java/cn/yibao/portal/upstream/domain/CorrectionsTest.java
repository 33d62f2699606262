package cn.yibao.portal.upstream.domain;

import static cn.yibao.portal.upstream.domain.TestLines.read;
import static cn.yibao.portal.upstream.domain.TestLines.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.shared.NationalId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Upstream taking back what it sent: a settlement reversed (冲正) by a record naming it, a contribution withdrawn
 * (退费/作废), a qualification revoked (撤销认定). Each is refused when it names an unknown record or another person's,
 * and the same correction twice changes nothing.
 */
class CorrectionsTest {

    private static final UUID LIU_ID = UUID.fromString("00000000-0000-0000-0000-000000000021");
    private static final UUID WANG_ID = UUID.fromString("00000000-0000-0000-0000-000000000012");
    private static final NationalId LIU = NationalId.parse(TestLines.LIU).orElseThrow();
    private static final Map<NationalId, Person> PEOPLE = Map.of(LIU,
            new Person(LIU_ID, "刘桂芳", TestLines.REGIONS.pathToNational("141121")));

    private static ImportLine line(ImportKind kind, String... change) {
        return BatchRules.resolve(read(kind, with(kind, change)).lines(), PEOPLE, OperatorScope.UNRESTRICTED,
                TestLines.POLICY).lines().get(0);
    }

    private static ImportLine numbered(int number, ImportLine line) {
        return new ImportLine(number, line.certno(), line.name(), line.record());
    }

    /** What is stored: these records, the numbers that count per person, and which originals are reversed. */
    private static StoredRecords stored(UpstreamRecord... records) {
        Map<String, UpstreamRecord> byKey = new HashMap<>();
        Map<String, String> qualifications = new HashMap<>();
        Map<String, String> contributions = new HashMap<>();
        Map<String, String> reversals = new HashMap<>();
        for (UpstreamRecord record : records) {
            byKey.put(record.key(), record);
            if (record instanceof QualificationRecord q && !q.corrected()) {
                qualifications.put(StoredRecords.personDisease(q.residentId(), q.disease().name()), q.key());
            }
            if (record instanceof ContributionRecord c && !c.corrected()) {
                contributions.put(StoredRecords.personYear(c.residentId(), c.benefitYear()), c.key());
            }
            if (record instanceof SettlementRecord s && s.isReversal()) {
                reversals.put(s.reversesSettlementNo(), s.settlementNo());
            }
        }
        return new StoredRecords(byKey, qualifications, contributions, Map.of("CF001", LIU_ID), reversals);
    }

    private static BatchRules.Decided decide(StoredRecords stored, ImportLine... lines) {
        return BatchRules.decide(List.of(lines), stored);
    }

    private static SettlementRecord original() {
        return (SettlementRecord) line(ImportKind.SETTLEMENTS).record();
    }

    private static ImportLine reversal(String... change) {
        String[] all = new String[change.length + 6];
        System.arraycopy(new String[] {"settlementNo", "JS002", "settledOn", "2023-09-10", "reversesSettlementNo",
                "JS001"}, 0, all, 0, 6);
        System.arraycopy(change, 0, all, 6, change.length);
        return line(ImportKind.SETTLEMENTS, all);
    }

    // ---- settlements ---------------------------------------------------------------------------------------------

    @Test
    void aReversalOfTheSamePersonsStoredSettlementWithItsFiguresIsStoredAsARecordOfItsOwn() {
        BatchRules.Decided decided = decide(stored(original()), reversal());

        assertThat(decided.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(decided.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.change()).isEqualTo(Change.INSERT);
            assertThat(((SettlementRecord) decision.record()).reversesSettlementNo()).isEqualTo("JS001");
        });
    }

    @Test
    void theSameReversalAgainAndTheOriginalAgainChangeNothing() {
        ImportLine reversal = reversal();
        StoredRecords both = stored(original(), reversal.record());

        BatchRules.Decided decided = decide(both, numbered(1, line(ImportKind.SETTLEMENTS)), numbered(2, reversal));

        assertThat(decided.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(decided.decisions()).extracting(LineDecision::change)
                .containsExactly(Change.UNCHANGED, Change.UNCHANGED);
    }

    @Test
    void anOriginalAndItsReversalMayArriveInOneFile() {
        BatchRules.Decided decided = decide(stored(),
                numbered(1, line(ImportKind.SETTLEMENTS)), numbered(2, reversal()));

        assertThat(decided.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(decided.decisions()).extracting(LineDecision::change).containsExactly(Change.INSERT, Change.INSERT);
    }

    @Test
    void aReversalOfASettlementNeverImportedIsRefused() {
        assertThat(decide(stored(), reversal()).problems().stream().map(SaidProblem::of).toList()).containsExactly(new SaidProblem(1, "reversesSettlementNo",
                "要冲正的原结算 JS001 尚未导入，不能冲正；请先导入原结算记录，或核对结算单号。"));
    }

    @Test
    void aReversalOfAnotherPersonsSettlementIsRefused() {
        SettlementRecord wangs = original().withResident(WANG_ID);

        assertThat(decide(stored(wangs), reversal()).problems().stream().map(SaidProblem::of).toList()).containsExactly(new SaidProblem(1,
                "reversesSettlementNo", "原结算 JS001 不是该参保人的结算，不能冲正。"));
    }

    @Test
    void aReversalIsNeverReversedAndAnOriginalOnlyOnce() {
        StoredRecords reversed = stored(original(), reversal().record());

        assertThat(decide(reversed, reversal("settlementNo", "JS003", "reversesSettlementNo", "JS002")).problems().stream().map(SaidProblem::of).toList())
                .containsExactly(new SaidProblem(1, "reversesSettlementNo", "结算 JS002 本身是一笔冲正记录，不能再冲正。"));
        assertThat(decide(reversed, reversal("settlementNo", "JS003")).problems().stream().map(SaidProblem::of).toList())
                .containsExactly(new SaidProblem(1, "reversesSettlementNo",
                        "原结算 JS001 已被冲正（冲正单号 JS002），不能重复冲正。"));
    }

    @Test
    void aReversalMustRepeatTheOriginalsFiguresAndComeAfterIt() {
        assertThat(decide(stored(original()), reversal("fundFen", "900", "selfFen", "990")).problems().stream().map(SaidProblem::of).toList())
                .containsExactly(new SaidProblem(1, "fundFen",
                        "冲正记录应与原结算 JS001 的机构和金额一致（不同的字段：fundFen、selfFen）。"));
        assertThat(decide(stored(original()), reversal("settledOn", "2023-09-03")).problems().stream().map(SaidProblem::of).toList())
                .containsExactly(new SaidProblem(1, "settledOn", "冲正日期（2023-09-03）不能早于原结算日期（2023-09-04）。"));
    }

    // ---- contributions -------------------------------------------------------------------------------------------

    private static ContributionRecord paid() {
        return (ContributionRecord) line(ImportKind.CONTRIBUTIONS).record();
    }

    @Test
    void aStoredContributionSentAgainWithAWithdrawalDateIsWithdrawnAndTheSameWithdrawalAgainChangesNothing() {
        ImportLine withdrawal = line(ImportKind.CONTRIBUTIONS, "withdrawnOn", "2023-10-10");

        BatchRules.Decided first = decide(stored(paid()), withdrawal);
        BatchRules.Decided again = decide(stored(paid().asCorrectedOn(java.time.LocalDate.of(2023, 10, 10))), withdrawal);

        assertThat(first.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(first.decisions()).extracting(LineDecision::change).containsExactly(Change.UPDATE);
        assertThat(again.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(again.decisions()).extracting(LineDecision::change).containsExactly(Change.UNCHANGED);
    }

    @Test
    void aWithdrawalOfAnUnknownRecordOrAnotherPersonsIsRefused() {
        ImportLine withdrawal = line(ImportKind.CONTRIBUTIONS, "withdrawnOn", "2023-10-10");

        assertThat(decide(stored(), withdrawal).problems().stream().map(SaidProblem::of).toList()).containsExactly(new SaidProblem(1, "recordNo",
                "要作废（退费）的缴费记录 SW001 尚未导入，不能作废（退费）；请核对编号。"));
        assertThat(decide(stored(paid().withResident(WANG_ID)), withdrawal).problems().stream().map(SaidProblem::of).toList()).containsExactly(
                new SaidProblem(1, "certno", "缴费记录 SW001 不是该参保人的记录，不能作废（退费）。"));
    }

    @Test
    void aWithdrawnRecordIsNeverRestoredAndItsDateNeverChanges() {
        StoredRecords withdrawn = stored(paid().asCorrectedOn(java.time.LocalDate.of(2023, 10, 10)));

        assertThat(decide(withdrawn, line(ImportKind.CONTRIBUTIONS)).problems().stream().map(SaidProblem::of).toList()).containsExactly(new SaidProblem(1,
                "withdrawnOn", "缴费记录 SW001 已于 2023-10-10 作废（退费），不能恢复；如重新缴费，请使用新的记录编号。"));
        assertThat(decide(withdrawn, line(ImportKind.CONTRIBUTIONS, "withdrawnOn", "2023-10-11")).problems().stream().map(SaidProblem::of).toList())
                .containsExactly(new SaidProblem(1, "withdrawnOn",
                        "缴费记录 SW001 已于 2023-10-10 作废（退费），作废（退费）日期不能更改。"));
    }

    @Test
    void aWithdrawalWhoseOtherFieldsDifferIsRefusedNamingThem() {
        assertThat(decide(stored(paid()), line(ImportKind.CONTRIBUTIONS, "withdrawnOn", "2023-10-10", "amountFen",
                "3800")).problems().stream().map(SaidProblem::of).toList()).singleElement().satisfies(problem ->
                assertThat(problem.reason()).contains("amountFen", "withdrawnOn", "不能更改"));
    }

    @Test
    void aNewRecordForTheYearMayFollowAWithdrawalInTheSameBatchOrALaterOne() {
        ImportLine withdrawal = numbered(1, line(ImportKind.CONTRIBUTIONS, "withdrawnOn", "2023-10-10"));
        ImportLine replacement = numbered(2, line(ImportKind.CONTRIBUTIONS, "recordNo", "SW002", "amountFen", "3800"));

        BatchRules.Decided together = decide(stored(paid()), withdrawal, replacement);
        BatchRules.Decided later = decide(stored(paid().asCorrectedOn(java.time.LocalDate.of(2023, 10, 10))),
                replacement);
        BatchRules.Decided without = decide(stored(paid()), replacement);

        assertThat(together.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(together.decisions()).extracting(LineDecision::change).containsExactly(Change.UPDATE, Change.INSERT);
        assertThat(later.problems().stream().map(SaidProblem::of).toList()).isEmpty();
        assertThat(without.problems().stream().map(SaidProblem::of).toList()).extracting(SaidProblem::field).containsExactly("benefitYear");
    }

    // ---- qualifications ------------------------------------------------------------------------------------------

    private static QualificationRecord qualified() {
        return (QualificationRecord) line(ImportKind.QUALIFICATIONS).record();
    }

    @Test
    void aQualificationIsRevokedOnceAndMayBeFollowedByANewOne() {
        ImportLine revocation = numbered(1, line(ImportKind.QUALIFICATIONS, "revokedOn", "2023-10-10"));
        ImportLine again = numbered(2, line(ImportKind.QUALIFICATIONS, "qualificationNo", "LB002", "qualifiedOn",
                "2023-10-12"));
        StoredRecords revoked = stored(qualified().asCorrectedOn(java.time.LocalDate.of(2023, 10, 10)));

        assertThat(decide(stored(qualified()), revocation, again).decisions()).extracting(LineDecision::change)
                .containsExactly(Change.UPDATE, Change.INSERT);
        assertThat(decide(revoked, revocation).decisions()).extracting(LineDecision::change)
                .containsExactly(Change.UNCHANGED);
        assertThat(decide(revoked, line(ImportKind.QUALIFICATIONS)).problems().stream().map(SaidProblem::of).toList()).containsExactly(new SaidProblem(1,
                "revokedOn", "两病认定 LB001 已于 2023-10-10 撤销，不能恢复；如重新认定，请使用新的认定编号。"));
        assertThat(decide(stored(), revocation).problems().stream().map(SaidProblem::of).toList()).containsExactly(new SaidProblem(1, "qualificationNo",
                "要撤销的两病认定 LB001 尚未导入，不能撤销；请核对编号。"));
    }

    // ---- the batch's region --------------------------------------------------------------------------------------

    @Test
    void aBatchBelongsToItsOperatorsRegionOrForTheFeedToTheSmallestRegionHoldingItsPeople() {
        Person wenshui = new Person(LIU_ID, "刘桂芳", TestLines.REGIONS.pathToNational("141121"));
        Person lishi = new Person(WANG_ID, "某", TestLines.REGIONS.pathToNational("141102"));
        Person weihai = new Person(UUID.randomUUID(), "陈海波", TestLines.REGIONS.pathToNational("371000"));

        assertThat(BatchRules.batchRegion(new OperatorScope("371000", "威海市"), List.of(wenshui))).isEqualTo("371000");
        assertThat(BatchRules.batchRegion(OperatorScope.UNRESTRICTED, List.of(wenshui, wenshui))).isEqualTo("141121");
        assertThat(BatchRules.batchRegion(OperatorScope.UNRESTRICTED, List.of(wenshui, lishi))).isEqualTo("141100");
        assertThat(BatchRules.batchRegion(OperatorScope.UNRESTRICTED, List.of(wenshui, weihai))).isEqualTo("000000");
    }
}
