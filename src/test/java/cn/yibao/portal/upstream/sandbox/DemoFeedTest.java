package cn.yibao.portal.upstream.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.identity.DemoAccounts;
import cn.yibao.portal.policy.PolicyCatalogLoader;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.api.Parameter;
import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.policy.api.PolicyFigure;
import cn.yibao.portal.prescription.api.Disease;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import cn.yibao.portal.shared.NationalId;
import cn.yibao.portal.upstream.FlatJson;
import cn.yibao.portal.upstream.domain.AssistanceRecord;
import cn.yibao.portal.upstream.domain.BatchRules;
import cn.yibao.portal.upstream.domain.Change;
import cn.yibao.portal.upstream.domain.ContributionRecord;
import cn.yibao.portal.upstream.domain.FileFormat;
import cn.yibao.portal.upstream.domain.FileText;
import cn.yibao.portal.upstream.domain.ImportKind;
import cn.yibao.portal.upstream.domain.ImportPolicy;
import cn.yibao.portal.upstream.domain.LineDecision;
import cn.yibao.portal.upstream.domain.OperatorScope;
import cn.yibao.portal.upstream.domain.ParsedFile;
import cn.yibao.portal.upstream.domain.Person;
import cn.yibao.portal.upstream.domain.PrescriptionRecord;
import cn.yibao.portal.upstream.domain.QualificationRecord;
import cn.yibao.portal.upstream.domain.SettlementRecord;
import cn.yibao.portal.upstream.domain.StoredRecords;
import cn.yibao.portal.upstream.domain.UpstreamRecord;
import cn.yibao.portal.upstream.domain.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's demo batches pass every rule when they arrive in date order, and tell the stories the demo needs on
 * both dates people run the sandbox at: the default 2023-10-15 and 2024-06-20. Runs the same rules the import runs,
 * against an in-memory store.
 */
class DemoFeedTest {

    private static final LocalDate DEFAULT_DATE = LocalDate.of(2023, 10, 15);
    private static final LocalDate SUMMER_2024 = LocalDate.of(2024, 6, 20);
    private static final RegionCatalog REGIONS = new RegionCatalog();
    private static final PolicyCatalog CATALOG = PolicyCatalogLoader.load(PolicyCatalogLoader.LOCATION, REGIONS);
    private static final DemoAccounts ACCOUNTS = DemoAccounts.load();

    /** What the tables would hold after the feed ran up to a date. */
    private static final class Store {
        final Map<ImportKind, Map<String, UpstreamRecord>> byKind = new HashMap<>();
        final List<String> stored = new ArrayList<>();

        Map<String, UpstreamRecord> of(ImportKind kind) {
            return byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        }

        StoredRecords snapshot(ImportKind kind) {
            Map<String, String> byPersonDisease = new HashMap<>();
            all(ImportKind.QUALIFICATIONS, QualificationRecord.class).stream().filter(q -> !q.corrected())
                    .forEach(q -> byPersonDisease.put(StoredRecords.personDisease(q.residentId(), q.disease().name()),
                            q.key()));
            Map<String, String> byPersonYear = new HashMap<>();
            all(ImportKind.CONTRIBUTIONS, ContributionRecord.class).stream().filter(c -> !c.corrected())
                    .forEach(c -> byPersonYear.put(StoredRecords.personYear(c.residentId(), c.benefitYear()), c.key()));
            Map<String, UUID> owners = new HashMap<>();
            of(ImportKind.PRESCRIPTIONS).values().forEach(r -> owners.put(r.key(), r.residentId()));
            Map<String, String> reversals = new HashMap<>();
            all(ImportKind.SETTLEMENTS, SettlementRecord.class).stream().filter(SettlementRecord::isReversal)
                    .forEach(r -> reversals.put(r.reversesSettlementNo(), r.settlementNo()));
            return new StoredRecords(of(kind), byPersonDisease, byPersonYear, owners, reversals);
        }

        /** The settlements that count, as the {@code settlement} view has them: neither a reversal nor reversed. */
        List<SettlementRecord> countingSettlements() {
            List<SettlementRecord> all = all(ImportKind.SETTLEMENTS, SettlementRecord.class);
            List<String> reversed = all.stream().filter(SettlementRecord::isReversal)
                    .map(SettlementRecord::reversesSettlementNo).toList();
            return all.stream().filter(s -> !s.isReversal() && !reversed.contains(s.settlementNo())).toList();
        }

        <T extends UpstreamRecord> List<T> all(ImportKind kind, Class<T> type) {
            return of(kind).values().stream().map(type::cast).toList();
        }
    }

    private static UUID idOf(String login) {
        return UUID.nameUUIDFromBytes(certnoOf(login).getBytes(StandardCharsets.US_ASCII));
    }

    private static String certnoOf(String loginOrName) {
        return ACCOUNTS.residents().stream()
                .filter(r -> loginOrName.equals(r.login()) || loginOrName.equals(r.name()))
                .findFirst().orElseThrow().certno();
    }

    private static Store feedUpTo(LocalDate today) {
        Map<NationalId, Person> people = new HashMap<>();
        ACCOUNTS.residents().forEach(r -> people.put(NationalId.parse(r.certno()).orElseThrow(), new Person(
                UUID.nameUUIDFromBytes(r.certno().getBytes(StandardCharsets.US_ASCII)), r.name(),
                REGIONS.pathToNational(r.region()))));
        Store store = new Store();
        for (DemoBatch batch : DemoBatch.due(DemoBatch.all(), today)) {
            FileFormat format = FileFormat.detect(null, batch.fileName()).orElseThrow();
            String text = ((FileText.Text) FileText.decode(batch.content())).text();
            ParsedFile parsed = format.parse(text, batch.kind(), FlatJson::fields);
            // Each file is checked as of its own date: a demo file never holds anything after the day it arrives.
            ImportPolicy policy = new ImportPolicy(batch.date(), REGIONS::pathToNational, CATALOG, 84);
            BatchRules.Reading reading = BatchRules.read(batch.kind(), parsed, policy);
            BatchRules.Resolved resolved = BatchRules.resolve(reading.lines(), people, OperatorScope.UNRESTRICTED,
                    policy);
            BatchRules.Decided decided = BatchRules.decide(resolved.lines(), store.snapshot(batch.kind()));
            List<cn.yibao.portal.upstream.domain.LineProblem> problems = new ArrayList<>(reading.problems());
            problems.addAll(resolved.problems());
            problems.addAll(decided.problems());
            Verdict verdict = BatchRules.verdict(parsed.records(), problems, decided.decisions());
            assertThat(verdict.problems()).as(batch.fileName()).isEmpty();
            assertThat(verdict.changesNothing()).as(batch.fileName() + " changes something").isFalse();
            for (LineDecision decision : verdict.decisions()) {
                if (decision.change() != Change.UNCHANGED) {
                    store.of(batch.kind()).put(decision.record().key(), decision.record());
                }
            }
            store.stored.add(batch.fileName());
        }
        return store;
    }

    private static List<PrescriptionRecord> prescriptionsOf(Store store, String login) {
        return store.all(ImportKind.PRESCRIPTIONS, PrescriptionRecord.class).stream()
                .filter(p -> p.residentId().equals(idOf(login))).toList();
    }

    /** The person's settlements of the year and setting that count (reversed ones and reversals left out). */
    private static List<SettlementRecord> settlementsOf(Store store, String login, int year, CareSetting setting) {
        return store.countingSettlements().stream()
                .filter(s -> s.residentId().equals(idOf(login)) && s.benefitYear() == year && s.setting() == setting)
                .toList();
    }

    private static LocalDate supplyEnd(PrescriptionRecord p) {
        return p.dispensedOn().plusDays(p.daysSupply() - 1L);
    }

    @Test
    void theFilesMixCsvAndJsonLinesAndOneCarriesAByteOrderMark() {
        List<DemoBatch> all = DemoBatch.all();

        assertThat(all).extracting(DemoBatch::fileName).anyMatch(name -> name.endsWith(".csv"))
                .anyMatch(name -> name.endsWith(".jsonl"));
        assertThat(all).filteredOn(batch -> ((FileText.Text) FileText.decode(batch.content())).byteOrderMark())
                .isNotEmpty();
        assertThat(all).extracting(DemoBatch::kind).contains(ImportKind.values());
    }

    @Test
    void onTheDefaultDateDibaoHasAHypertensionQualificationAPrescriptionRunningOutSoonAndOneToPickUp() {
        Store store = feedUpTo(DEFAULT_DATE);

        assertThat(store.all(ImportKind.QUALIFICATIONS, QualificationRecord.class)).anySatisfy(q -> {
            assertThat(q.residentId()).isEqualTo(idOf("wenshui-dibao"));
            assertThat(q.disease()).isEqualTo(Disease.HYPERTENSION);
            assertThat(q.qualifiedOn()).hasYear(2023).hasMonthValue(9);
        });
        List<PrescriptionRecord> prescriptions = prescriptionsOf(store, "wenshui-dibao");
        assertThat(prescriptions).anySatisfy(p -> {
            assertThat(p.status()).isEqualTo(PrescriptionStatus.DISPENSED);
            assertThat(p.disease()).isEqualTo(Disease.HYPERTENSION);
            assertThat(supplyEnd(p)).isBetween(LocalDate.of(2023, 10, 15), LocalDate.of(2023, 10, 22));
        });
        assertThat(prescriptions).anySatisfy(p -> {
            assertThat(p.status()).isEqualTo(PrescriptionStatus.ISSUED);
            assertThat(p.prescribedOn()).isEqualTo(LocalDate.of(2023, 10, 14));
        });
        List<SettlementRecord> twoDisease = settlementsOf(store, "wenshui-dibao", 2023, CareSetting.TWO_DISEASE);
        List<String> settled = prescriptions.stream().filter(p -> p.status() == PrescriptionStatus.SETTLED)
                .map(PrescriptionRecord::prescriptionNo).toList();
        assertThat(settled).hasSizeGreaterThanOrEqualTo(2);
        assertThat(twoDisease).extracting(SettlementRecord::prescriptionNo).containsExactlyInAnyOrderElementsOf(settled);
    }

    @Test
    void onTheDefaultDateTheWangFamilyPaid2023AtTheTaxBureauAndWangHasOutpatientAndInpatientBills() {
        Store store = feedUpTo(DEFAULT_DATE);

        for (String name : List.of("王建国", "李秀兰", "王小明")) {
            UUID id = UUID.nameUUIDFromBytes(certnoOf(name).getBytes(StandardCharsets.US_ASCII));
            assertThat(store.all(ImportKind.CONTRIBUTIONS, ContributionRecord.class)).as(name)
                    .filteredOn(c -> c.residentId().equals(id)).singleElement().satisfies(c -> {
                        assertThat(c.benefitYear()).isEqualTo(2023);
                        assertThat(c.amountFen()).isEqualTo(35000);
                        assertThat(c.paidOn()).isBetween(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 12, 31));
                        assertThat(c.collector()).isEqualTo("国家税务总局文水县税务局");
                        assertThat(c.benefitStart()).isEqualTo(LocalDate.of(2023, 1, 1));
                        assertThat(c.benefitEnd()).isEqualTo(LocalDate.of(2023, 12, 31));
                    });
        }
        assertThat(settlementsOf(store, "wenshui-general", 2023, CareSetting.OUTPATIENT))
                .extracting(s -> s.settledOn().getMonthValue()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        assertThat(settlementsOf(store, "wenshui-general", 2023, CareSetting.INPATIENT)).singleElement()
                .satisfies(s -> assertThat(s.facilityLevel()).isEqualTo(FacilityLevel.SECONDARY));
    }

    @Test
    void theAssistanceListConfirmsTheStatusesTheDemoAccountsGive() {
        Store store = feedUpTo(DEFAULT_DATE);

        for (String login : List.of("wenshui-dibao", "wenshui-tekun", "wenshui-fanpin", "wenshui-jiance")) {
            String expected = ACCOUNTS.residents().stream().filter(r -> login.equals(r.login())).findFirst()
                    .orElseThrow().assistance();
            assertThat(store.all(ImportKind.ASSISTANCE, AssistanceRecord.class)).as(login)
                    .filteredOn(a -> a.residentId().equals(idOf(login))).singleElement().satisfies(a -> {
                        assertThat(a.status().name()).isEqualTo(expected);
                        assertThat(a.listedOn()).isEqualTo(LocalDate.of(2023, 9, 10));
                        assertThat(a.department()).isIn("文水县民政局", "文水县乡村振兴局");
                    });
        }
        assertThat(store.all(ImportKind.ASSISTANCE, AssistanceRecord.class)).hasSize(4);
    }

    @Test
    void nothingAbout2024ContributionsIsKnownOnTheDefaultDateSoPayingThemInTheSandboxStillWorks() {
        Store store = feedUpTo(DEFAULT_DATE);

        assertThat(store.all(ImportKind.CONTRIBUTIONS, ContributionRecord.class))
                .noneMatch(c -> c.benefitYear() == 2024);
        assertThat(DemoBatch.all()).filteredOn(b -> b.kind() == ImportKind.CONTRIBUTIONS)
                .allMatch(b -> b.date().isBefore(DEFAULT_DATE) || !b.date().isBefore(LocalDate.of(2023, 12, 26)));
    }

    @Test
    void by2024TheIssuedPrescriptionWasDispensedAndThePatternContinues() {
        Store store = feedUpTo(SUMMER_2024);

        List<PrescriptionRecord> prescriptions = prescriptionsOf(store, "wenshui-dibao");
        assertThat(prescriptions).filteredOn(p -> p.prescribedOn().equals(LocalDate.of(2023, 10, 14))).singleElement()
                .satisfies(p -> assertThat(p.dispensedOn()).isEqualTo(LocalDate.of(2023, 10, 16)));
        assertThat(prescriptions).anySatisfy(p -> {
            assertThat(p.status()).isEqualTo(PrescriptionStatus.DISPENSED);
            assertThat(supplyEnd(p)).isBetween(LocalDate.of(2024, 6, 20), LocalDate.of(2024, 6, 27));
        });
        assertThat(prescriptions).anySatisfy(p -> {
            assertThat(p.status()).isEqualTo(PrescriptionStatus.ISSUED);
            assertThat(p.prescribedOn()).isEqualTo(LocalDate.of(2024, 6, 19));
        });
        assertThat(prescriptions).filteredOn(p -> p.status() == PrescriptionStatus.DISPENSED).hasSize(1);
        assertThat(prescriptions).filteredOn(p -> p.status() == PrescriptionStatus.ISSUED).hasSize(1);
        assertThat(settlementsOf(store, "wenshui-dibao", 2024, CareSetting.TWO_DISEASE)).isNotEmpty()
                .allSatisfy(s -> assertThat(s.prescriptionNo()).isNotNull());
    }

    @Test
    void in2024WangUsed120YuanOfOutpatientPoolingFromFebruaryToJuneAndHadOneHospitalStay() {
        Store store = feedUpTo(SUMMER_2024);

        List<SettlementRecord> outpatient = settlementsOf(store, "wenshui-general", 2024, CareSetting.OUTPATIENT);
        assertThat(outpatient).extracting(s -> s.settledOn().getMonthValue()).containsExactlyInAnyOrder(2, 3, 4, 5, 6);
        assertThat(outpatient.stream().mapToLong(SettlementRecord::fundFen).sum()).isEqualTo(12000);
        assertThat(settlementsOf(store, "wenshui-general", 2024, CareSetting.INPATIENT)).hasSize(1);
    }

    @Test
    void the2024ContributionsArriveInTheFileOfDecember26() {
        Store store = feedUpTo(SUMMER_2024);

        for (String name : List.of("王建国", "李秀兰", "王小明")) {
            UUID id = UUID.nameUUIDFromBytes(certnoOf(name).getBytes(StandardCharsets.US_ASCII));
            assertThat(store.all(ImportKind.CONTRIBUTIONS, ContributionRecord.class)).as(name)
                    .filteredOn(c -> c.residentId().equals(id) && c.benefitYear() == 2024).singleElement()
                    .satisfies(c -> {
                        assertThat(c.amountFen()).isEqualTo(38000);
                        assertThat(c.paidOn()).hasYear(2023).hasMonthValue(12);
                    });
        }
        assertThat(DemoBatch.due(DemoBatch.all(), LocalDate.of(2023, 12, 25)))
                .noneMatch(b -> b.kind() == ImportKind.CONTRIBUTIONS && b.date().getYear() == 2023);
    }

    /**
     * 文医保发〔2023〕10号 一（二）: after assistance, 低保 pay 76 元, 特困 nothing, 返贫致贫 38 元, 监测对象 100 元 for 2024.
     * The demo records carry exactly the standard minus the assistance the catalog cites; 2023 has no records for
     * them, since the 2023 Wenshui notice is not among the seed documents.
     */
    @Test
    void theAssistedWenshuiResidentsHave2024RecordsWithTheAmountsOfTheWenshuiNoticeAndNoneFor2023() {
        Store store = feedUpTo(SUMMER_2024);
        List<String> path = REGIONS.pathToNational("141121");
        long standard = CATALOG.find(Parameter.PERSONAL_CONTRIBUTION, 2024, path, "ALL").orElseThrow().amountFen();

        Map<String, Long> expected = Map.of("wenshui-dibao", 7600L, "wenshui-tekun", 0L, "wenshui-fanpin", 3800L,
                "wenshui-jiance", 10000L);
        expected.forEach((login, fen) -> {
            String status = ACCOUNTS.residents().stream().filter(r -> login.equals(r.login())).findFirst()
                    .orElseThrow().assistance();
            PolicyFigure assistance = CATALOG.find(Parameter.ASSISTANCE, 2024, path, status).orElseThrow();
            assertThat(assistance.citation().document()).isEqualTo("文医保发〔2023〕10号");
            long personal = assistance.isFull() ? 0 : standard - assistance.amountFen();
            assertThat(store.all(ImportKind.CONTRIBUTIONS, ContributionRecord.class)).as(login)
                    .filteredOn(c -> c.residentId().equals(idOf(login))).singleElement().satisfies(c -> {
                        assertThat(c.benefitYear()).isEqualTo(2024);
                        assertThat(c.amountFen()).isEqualTo(personal).isEqualTo(fen);
                        assertThat(c.benefitStart()).isEqualTo(LocalDate.of(2024, 1, 1));
                        assertThat(c.withdrawnOn()).isNull();
                    });
        });
    }

    @Test
    void wangsJuneBillWasReversedAndSettledAgainLeavingHisOutpatientFundAndBillCountAsBefore() {
        Store store = feedUpTo(SUMMER_2024);
        List<SettlementRecord> all = store.all(ImportKind.SETTLEMENTS, SettlementRecord.class).stream()
                .filter(s -> s.residentId().equals(idOf("wenshui-general")) && s.benefitYear() == 2024).toList();

        List<SettlementRecord> reversals = all.stream().filter(SettlementRecord::isReversal).toList();
        assertThat(reversals).hasSize(1);
        SettlementRecord reversal = reversals.get(0);
        SettlementRecord original = all.stream().filter(s -> s.settlementNo().equals(reversal.reversesSettlementNo()))
                .findFirst().orElseThrow();
        assertThat(original.setting()).isEqualTo(CareSetting.OUTPATIENT);
        assertThat(reversal.fundFen()).isEqualTo(original.fundFen());
        assertThat(reversal.totalFen()).isEqualTo(original.totalFen());
        assertThat(settlementsOf(store, "wenshui-general", 2024, CareSetting.OUTPATIENT))
                .doesNotContain(original, reversal)
                .anySatisfy(again -> {
                    assertThat(again.settledOn()).isEqualTo(reversal.settledOn());
                    assertThat(again.facilityName()).isEqualTo(original.facilityName());
                    assertThat(again.totalFen()).isLessThan(original.totalFen());
                });
        assertThat(all).hasSize(8);
        assertThat(store.countingSettlements()).filteredOn(s -> s.residentId().equals(idOf("wenshui-general"))
                && s.benefitYear() == 2024).hasSize(6);
    }

    @Test
    void batchesOfOneDateArriveWithPrescriptionsBeforeTheSettlementsThatNameThem() {
        List<DemoBatch> due = DemoBatch.due(DemoBatch.all(), SUMMER_2024);

        for (int i = 1; i < due.size(); i++) {
            assertThat(DemoBatch.ARRIVAL.compare(due.get(i - 1), due.get(i))).isNegative();
        }
        assertThat(due).extracting(DemoBatch::fileName).containsSubsequence("2023-09-22-prescriptions.jsonl",
                "2023-09-22-settlements.jsonl");
    }
}
