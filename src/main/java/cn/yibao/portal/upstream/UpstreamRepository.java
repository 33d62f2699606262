package cn.yibao.portal.upstream;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.prescription.api.Disease;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.upstream.domain.AssistanceRecord;
import cn.yibao.portal.upstream.domain.ContributionRecord;
import cn.yibao.portal.upstream.domain.Correctable;
import cn.yibao.portal.upstream.domain.ImportKind;
import cn.yibao.portal.upstream.domain.PrescriptionRecord;
import cn.yibao.portal.upstream.domain.QualificationRecord;
import cn.yibao.portal.upstream.domain.SettlementRecord;
import cn.yibao.portal.upstream.domain.StoredRecords;
import cn.yibao.portal.upstream.domain.UpstreamRecord;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The upstream tables: loading what a batch could clash with, and storing a batch. Many rows per statement, so that a
 * thousand-line batch is a handful of round trips rather than a thousand.
 */
@Repository
class UpstreamRepository {

    private final DatabaseClient database;

    UpstreamRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Serialises imports of one kind until the current transaction ends, so two imports cannot interleave. */
    Mono<Void> lock(ImportKind kind) {
        return database.sql("select pg_advisory_xact_lock(hashtext(:key))").bind("key", "upstream:" + kind.name())
                .fetch().rowsUpdated().then();
    }

    // ---- what is stored ------------------------------------------------------------------------------------------

    Mono<StoredRecords> stored(ImportKind kind, List<UpstreamRecord> incoming) {
        if (incoming.isEmpty()) {
            return Mono.just(StoredRecords.NONE);
        }
        String[] keys = incoming.stream().map(UpstreamRecord::key).distinct().toArray(String[]::new);
        UUID[] people = incoming.stream().map(UpstreamRecord::residentId).distinct().toArray(UUID[]::new);
        return switch (kind) {
            case SETTLEMENTS -> settlements(keys, incoming);
            // Every qualification of the people (revoked ones too, to tell a revocation sent twice); only those that
            // count hold the person's one per disease.
            case QUALIFICATIONS -> select("select * from upstream_two_disease_qualification"
                    + " where qualification_no = any(:keys) or resident_id = any(:people)", keys, people,
                    UpstreamRepository::qualification)
                    .map(rows -> new StoredRecords(byKey(rows, Set.of(keys)), numbersByPerson(rows, row -> StoredRecords
                            .personDisease(row.residentId(), ((QualificationRecord) row).disease().name())),
                            Map.of(), Map.of(), Map.of()));
            case PRESCRIPTIONS -> select("select * from prescription where prescription_no = any(:keys)", keys, people,
                    UpstreamRepository::prescription)
                    .map(rows -> new StoredRecords(byKey(rows, Set.of(keys)), Map.of(), Map.of(), Map.of(), Map.of()));
            // A listing's key is the person and the date: the person's listings are all that could clash.
            case ASSISTANCE -> select("select * from assistance_listing where resident_id = any(:people)", keys, people,
                    UpstreamRepository::assistance)
                    .map(rows -> new StoredRecords(byKey(rows, Set.of(keys)), Map.of(), Map.of(), Map.of(), Map.of()));
            case CONTRIBUTIONS -> select("select * from upstream_contribution_record where record_no = any(:keys)"
                    + " or resident_id = any(:people)", keys, people, UpstreamRepository::contribution)
                    .map(rows -> new StoredRecords(byKey(rows, Set.of(keys)), Map.of(), numbersByPerson(rows, row ->
                            StoredRecords.personYear(row.residentId(), ((ContributionRecord) row).benefitYear())),
                            Map.of(), Map.of()));
        };
    }

    /**
     * Settlements with the same numbers or named by reversals, which of those are reversed already, and the owners of
     * the prescriptions the lines name.
     */
    private Mono<StoredRecords> settlements(String[] keys, List<UpstreamRecord> incoming) {
        List<SettlementRecord> settlements = incoming.stream().map(r -> (SettlementRecord) r).toList();
        String[] prescriptionNos = settlements.stream().map(SettlementRecord::prescriptionNo)
                .filter(no -> no != null).distinct().toArray(String[]::new);
        String[] originals = settlements.stream().map(SettlementRecord::reversesSettlementNo)
                .filter(no -> no != null).distinct().toArray(String[]::new);
        Set<String> wanted = new HashSet<>(List.of(keys));
        wanted.addAll(List.of(originals));
        Mono<Map<String, UUID>> owners = database.sql(
                        "select prescription_no, resident_id from prescription where prescription_no = any(:nos)")
                .bind("nos", prescriptionNos)
                .map(row -> Map.entry(row.get("prescription_no", String.class), row.get("resident_id", UUID.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<Map<String, String>> reversals = database.sql("""
                        select reverses_settlement_no, settlement_no from upstream_settlement
                        where reverses_settlement_no = any(:originals)""")
                .bind("originals", originals)
                .map(row -> Map.entry(row.get("reverses_settlement_no", String.class),
                        row.get("settlement_no", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return InTurn.zip(select("select * from upstream_settlement where settlement_no = any(:keys)",
                        wanted.toArray(String[]::new), new UUID[0], UpstreamRepository::settlement), owners, reversals)
                .map(all -> new StoredRecords(byKey(all.getT1(), wanted), Map.of(), Map.of(), all.getT2(), all.getT3()));
    }

    private Mono<List<UpstreamRecord>> select(String sql, String[] keys, UUID[] people,
                                              Function<Readable, UpstreamRecord> mapper) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql);
        if (sql.contains(":keys")) {
            spec = spec.bind("keys", keys);
        }
        if (sql.contains(":people")) {
            spec = spec.bind("people", people);
        }
        return spec.map(mapper::apply).all().collectList();
    }

    /** Which record number that counts (not taken back) each person already has for a disease or a year. */
    private static Map<String, String> numbersByPerson(List<UpstreamRecord> rows,
                                                       Function<UpstreamRecord, String> personKey) {
        Map<String, String> numbers = new HashMap<>();
        rows.stream().filter(row -> !(row instanceof Correctable c && c.corrected()))
                .forEach(row -> numbers.put(personKey.apply(row), row.key()));
        return numbers;
    }

    private static Map<String, UpstreamRecord> byKey(List<UpstreamRecord> rows, Set<String> wanted) {
        Map<String, UpstreamRecord> byKey = new HashMap<>();
        rows.stream().filter(row -> wanted.contains(row.key())).forEach(row -> byKey.put(row.key(), row));
        return byKey;
    }

    // ---- storing a batch -----------------------------------------------------------------------------------------

    record Batch(UUID id, ImportKind kind, String fileName, byte[] sha256, int lines, int inserted, int updated,
                 int unchanged, String operator, String regionCode, Instant importedAt) {
    }

    Mono<Void> insertBatch(Batch batch) {
        return database.sql("""
                        insert into upstream_batch (id, kind, file_name, content_sha256, lines, inserted, updated, unchanged,
                                                    operator, region_code, imported_at)
                        values (:id, :kind, :fileName, :sha, :lines, :inserted, :updated, :unchanged, :operator, :region,
                                :at)""")
                .bind("id", batch.id()).bind("kind", batch.kind().name()).bind("fileName", batch.fileName())
                .bind("sha", batch.sha256()).bind("lines", batch.lines()).bind("inserted", batch.inserted())
                .bind("updated", batch.updated()).bind("unchanged", batch.unchanged())
                .bind("operator", batch.operator()).bind("region", batch.regionCode()).bind("at", batch.importedAt())
                .then();
    }

    Mono<Void> insert(ImportKind kind, List<UpstreamRecord> records, UUID batchId) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        return switch (kind) {
            case SETTLEMENTS -> insertRows("upstream_settlement", List.of("settlement_no", "resident_id", "benefit_year",
                    "settled_on", "setting", "facility_name", "facility_level", "facility_region", "remote", "total_fen",
                    "in_scope_fen", "fund_fen", "critical_illness_fen", "assistance_fen", "self_fen", "prescription_no",
                    "reverses_settlement_no", "batch_id"), records, r -> {
                        SettlementRecord s = (SettlementRecord) r;
                        return List.of(p(s.settlementNo()), p(s.residentId()), p(s.benefitYear()), p(s.settledOn()),
                                p(s.setting().name()), p(s.facilityName()), p(s.facilityLevel().name()),
                                p(s.facilityRegion()), p(s.remote().name()), p(s.totalFen()), p(s.inScopeFen()),
                                p(s.fundFen()), p(s.criticalIllnessFen()), p(s.assistanceFen()), p(s.selfFen()),
                                Parameter.fromOrEmpty(s.prescriptionNo(), String.class),
                                Parameter.fromOrEmpty(s.reversesSettlementNo(), String.class), p(batchId));
                    });
            // A correction of a record never imported is refused, so new rows are never taken back yet.
            case QUALIFICATIONS -> insertRows("upstream_two_disease_qualification", List.of("qualification_no", "resident_id",
                    "disease", "qualified_on", "facility_name", "facility_region", "batch_id"), records, r -> {
                        QualificationRecord q = (QualificationRecord) r;
                        return List.of(p(q.qualificationNo()), p(q.residentId()), p(q.disease().name()),
                                p(q.qualifiedOn()), p(q.facilityName()), p(q.facilityRegion()), p(batchId));
                    });
            case PRESCRIPTIONS -> insertRows("prescription", List.of("id", "prescription_no", "resident_id", "disease",
                    "drug_name", "specification", "dosage", "quantity", "quantity_unit", "days_supply", "long_term",
                    "facility_name", "facility_region", "prescribed_on", "status", "dispensed_on", "batch_id"), records,
                    r -> {
                        PrescriptionRecord x = (PrescriptionRecord) r;
                        return List.of(p(UUID.randomUUID()), p(x.prescriptionNo()), p(x.residentId()),
                                p(x.disease().name()), p(x.drugName()), p(x.specification()), p(x.dosage()),
                                p(x.quantity()), p(x.quantityUnit()), p(x.daysSupply()), p(x.longTerm()),
                                p(x.facilityName()), p(x.facilityRegion()), p(x.prescribedOn()), p(x.status().name()),
                                Parameter.fromOrEmpty(x.dispensedOn(), LocalDate.class), p(batchId));
                    });
            case ASSISTANCE -> insertRows("assistance_listing", List.of("resident_id", "listed_on", "status",
                    "department", "batch_id"), records, r -> {
                        AssistanceRecord a = (AssistanceRecord) r;
                        return List.of(p(a.residentId()), p(a.listedOn()), p(a.status().name()), p(a.department()),
                                p(batchId));
                    });
            case CONTRIBUTIONS -> insertRows("upstream_contribution_record", List.of("record_no", "resident_id", "benefit_year",
                    "paid_on", "amount_fen", "collector", "benefit_start", "benefit_end", "batch_id"), records, r -> {
                        ContributionRecord c = (ContributionRecord) r;
                        return List.of(p(c.recordNo()), p(c.residentId()), p(c.benefitYear()), p(c.paidOn()),
                                p(c.amountFen()), p(c.collector()), p(c.benefitStart()), p(c.benefitEnd()), p(batchId));
                    });
        };
    }

    /**
     * Stored records changing as upstream allows, in one statement however many: prescriptions moving forward (only
     * their status and dispensing date change, and the batch that changed them), contribution records withdrawn,
     * qualifications revoked (the date and the batch that said so).
     */
    Mono<Void> update(ImportKind kind, List<UpstreamRecord> records, UUID batchId) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        String[] keys = records.stream().map(UpstreamRecord::key).toArray(String[]::new);
        return switch (kind) {
            case PRESCRIPTIONS -> database.sql("""
                            update prescription p set status = u.status, dispensed_on = u.day, updated_batch_id = :batch
                            from unnest(cast(:keys as text[]), cast(:statuses as text[]), cast(:days as date[]))
                                 as u (key, status, day)
                            where p.prescription_no = u.key""")
                    .bind("statuses", records.stream().map(r -> ((PrescriptionRecord) r).status().name())
                            .toArray(String[]::new))
                    .bind("days", dates(records, r -> ((PrescriptionRecord) r).dispensedOn()))
                    .bind("keys", keys).bind("batch", batchId)
                    .then();
            case CONTRIBUTIONS -> database.sql("""
                            update upstream_contribution_record c set withdrawn_on = u.day, withdrawn_batch_id = :batch
                            from unnest(cast(:keys as text[]), cast(:days as date[])) as u (key, day)
                            where c.record_no = u.key and c.withdrawn_on is null""")
                    .bind("days", dates(records, r -> ((Correctable) r).correctedOn()))
                    .bind("keys", keys).bind("batch", batchId)
                    .then();
            case QUALIFICATIONS -> database.sql("""
                            update upstream_two_disease_qualification q set revoked_on = u.day, revoked_batch_id = :batch
                            from unnest(cast(:keys as text[]), cast(:days as date[])) as u (key, day)
                            where q.qualification_no = u.key and q.revoked_on is null""")
                    .bind("days", dates(records, r -> ((Correctable) r).correctedOn()))
                    .bind("keys", keys).bind("batch", batchId)
                    .then();
            case SETTLEMENTS, ASSISTANCE -> Mono.error(new IllegalArgumentException("no update for " + kind));
        };
    }

    private static String[] dates(List<UpstreamRecord> records, Function<UpstreamRecord, LocalDate> date) {
        return records.stream().map(date).map(day -> day == null ? null : day.toString()).toArray(String[]::new);
    }

    /** Each person's status on their latest listing. */
    Flux<Map.Entry<UUID, AssistanceStatus>> latestAssistance(Collection<UUID> residentIds) {
        return database.sql("""
                        select distinct on (resident_id) resident_id, status from assistance_listing
                        where resident_id = any(:ids) order by resident_id, listed_on desc""")
                .bind("ids", residentIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("resident_id", UUID.class),
                        AssistanceStatus.valueOf(row.get("status", String.class))))
                .all();
    }

    /**
     * One insert per batch however many rows: each column travels as one array (text, cast in SQL to the column's
     * type) and {@code unnest} turns the arrays back into rows.
     */
    private Mono<Void> insertRows(String table, List<String> columns, List<UpstreamRecord> records,
                                  Function<UpstreamRecord, List<Parameter>> values) {
        List<String[]> arrays = new ArrayList<>();
        columns.forEach(column -> arrays.add(new String[records.size()]));
        List<Class<?>> types = new ArrayList<>();
        for (int row = 0; row < records.size(); row++) {
            List<Parameter> rowValues = values.apply(records.get(row));
            for (int column = 0; column < columns.size(); column++) {
                Parameter value = rowValues.get(column);
                if (row == 0) {
                    types.add(value.getType());
                }
                arrays.get(column)[row] = value.getValue() == null ? null : value.getValue().toString();
            }
        }
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (")
                .append(String.join(", ", columns)).append(") select * from unnest(");
        for (int column = 0; column < columns.size(); column++) {
            sql.append(column == 0 ? "" : ", ").append("cast(:c").append(column).append(" as ")
                    .append(SQL_TYPES.getOrDefault(types.get(column), "text")).append("[])");
        }
        sql.append(')');
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString());
        for (int column = 0; column < columns.size(); column++) {
            spec = spec.bind("c" + column, arrays.get(column));
        }
        return spec.then();
    }

    private static final Map<Class<?>, String> SQL_TYPES = Map.of(UUID.class, "uuid", Integer.class, "int",
            Long.class, "bigint", Boolean.class, "boolean", LocalDate.class, "date");

    private static Parameter p(Object value) {
        return Parameter.from(value);
    }

    // ---- reading rows --------------------------------------------------------------------------------------------

    private static SettlementRecord settlement(Readable row) {
        return new SettlementRecord(row.get("settlement_no", String.class), row.get("resident_id", UUID.class),
                row.get("settled_on", LocalDate.class), CareSetting.valueOf(row.get("setting", String.class)),
                row.get("facility_name", String.class), FacilityLevel.valueOf(row.get("facility_level", String.class)),
                row.get("facility_region", String.class), RemoteCare.valueOf(row.get("remote", String.class)),
                row.get("total_fen", Long.class), row.get("in_scope_fen", Long.class), row.get("fund_fen", Long.class),
                row.get("critical_illness_fen", Long.class), row.get("assistance_fen", Long.class),
                row.get("self_fen", Long.class), row.get("prescription_no", String.class),
                row.get("reverses_settlement_no", String.class));
    }

    private static QualificationRecord qualification(Readable row) {
        return new QualificationRecord(row.get("qualification_no", String.class), row.get("resident_id", UUID.class),
                Disease.valueOf(row.get("disease", String.class)), row.get("qualified_on", LocalDate.class),
                row.get("facility_name", String.class), row.get("facility_region", String.class),
                row.get("revoked_on", LocalDate.class));
    }

    private static PrescriptionRecord prescription(Readable row) {
        return new PrescriptionRecord(row.get("prescription_no", String.class), row.get("resident_id", UUID.class),
                Disease.valueOf(row.get("disease", String.class)), row.get("drug_name", String.class),
                row.get("specification", String.class), row.get("dosage", String.class),
                row.get("quantity", Integer.class), row.get("quantity_unit", String.class),
                row.get("days_supply", Integer.class), row.get("long_term", Boolean.class),
                row.get("facility_name", String.class), row.get("facility_region", String.class),
                row.get("prescribed_on", LocalDate.class), PrescriptionStatus.valueOf(row.get("status", String.class)),
                row.get("dispensed_on", LocalDate.class));
    }

    private static AssistanceRecord assistance(Readable row) {
        return new AssistanceRecord(row.get("resident_id", UUID.class), row.get("listed_on", LocalDate.class),
                AssistanceStatus.valueOf(row.get("status", String.class)), row.get("department", String.class));
    }

    private static ContributionRecord contribution(Readable row) {
        return new ContributionRecord(row.get("record_no", String.class), row.get("resident_id", UUID.class),
                row.get("benefit_year", Integer.class), row.get("paid_on", LocalDate.class),
                row.get("amount_fen", Long.class), row.get("collector", String.class),
                row.get("benefit_start", LocalDate.class), row.get("benefit_end", LocalDate.class),
                row.get("withdrawn_on", LocalDate.class));
    }

    // ---- batches -------------------------------------------------------------------------------------------------

    /** The newest batches of these regions (a batch without a region, from before regions were recorded, of none). */
    Flux<BatchSummary> recentBatches(Collection<String> regionCodes, int limit) {
        return database.sql("""
                        select id, kind, file_name, lines, inserted, updated, unchanged, operator, region_code, imported_at
                        from upstream_batch where region_code = any(:regions)
                        order by imported_at desc, id limit :limit""")
                .bind("regions", regionCodes.toArray(String[]::new))
                .bind("limit", limit)
                .map(row -> new BatchSummary(row.get("id", UUID.class), ImportKind.valueOf(row.get("kind", String.class)),
                        row.get("file_name", String.class), row.get("lines", Integer.class),
                        row.get("inserted", Integer.class), row.get("updated", Integer.class),
                        row.get("unchanged", Integer.class), row.get("operator", String.class),
                        row.get("region_code", String.class), row.get("imported_at", Instant.class)))
                .all();
    }

    /** Whether exactly this file content was already stored as a batch of this kind. */
    Mono<Boolean> batchWithContent(ImportKind kind, byte[] sha256) {
        return database.sql("select exists (select 1 from upstream_batch where kind = :kind and content_sha256 = :sha)")
                .bind("kind", kind.name()).bind("sha", sha256)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }
}
