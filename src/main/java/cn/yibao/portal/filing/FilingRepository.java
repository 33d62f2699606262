package cn.yibao.portal.filing;

import cn.yibao.portal.filing.api.FilingType;
import cn.yibao.portal.filing.domain.FilingStatus;
import cn.yibao.portal.filing.domain.Material;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class FilingRepository {

    private static final String COLUMNS = """
            id, number, insured_id, filed_by_id, type, destination, start_date, end_date, reason, commitment,
            treatment_date, status, effective_on, review_region, created_at, version""";

    private final DatabaseClient database;

    FilingRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Serialises filings for one insured person within the current transaction (overlap is checked under it). */
    Mono<Void> lockInsured(UUID insuredId) {
        return database.sql("select pg_advisory_xact_lock(hashtext(:id))").bind("id", insuredId.toString())
                .fetch().rowsUpdated().then();
    }

    Mono<Long> nextNumber() {
        return database.sql("select nextval('filing_number_seq')").map(row -> row.get(0, Long.class)).one();
    }

    Flux<Filing> ofInsured(Collection<UUID> insuredIds) {
        return database.sql("select " + COLUMNS + " from filing where insured_id = any(:ids) order by created_at desc")
                .bind("ids", insuredIds.toArray(UUID[]::new))
                .map(FilingRepository::filing)
                .all();
    }

    Mono<Filing> find(UUID id) {
        return database.sql("select " + COLUMNS + " from filing where id = :id").bind("id", id)
                .map(FilingRepository::filing).one();
    }

    Flux<Filing> awaitingReview(Collection<String> regions) {
        return database.sql("select " + COLUMNS + " from filing where status = 'UNDER_REVIEW' and review_region = any(:regions)"
                        + " order by created_at")
                .bind("regions", regions.toArray(String[]::new))
                .map(FilingRepository::filing)
                .all();
    }

    Mono<Void> insert(Filing filing) {
        return database.sql("""
                        insert into filing (id, number, insured_id, filed_by_id, type, kind, destination, start_date,
                                            end_date, reason, commitment, treatment_date, status, effective_on,
                                            review_region, created_at)
                        values (:id, :number, :insured, :filedBy, :type, :kind, :destination, :start, :end, :reason,
                                :commitment, :treatment, :status, :effectiveOn, :reviewRegion, :createdAt)""")
                .bind("id", filing.id())
                .bind("number", filing.number())
                .bind("insured", filing.insuredId())
                .bind("filedBy", filing.filedById())
                .bind("type", filing.type().name())
                .bind("kind", filing.type().kind().name())
                .bind("destination", filing.destination())
                .bind("start", filing.startDate())
                .bind("end", Parameter.fromOrEmpty(filing.endDate(), LocalDate.class))
                .bind("reason", filing.reason())
                .bind("commitment", filing.commitment())
                .bind("treatment", Parameter.fromOrEmpty(filing.treatmentDate(), LocalDate.class))
                .bind("status", filing.status().name())
                .bind("effectiveOn", Parameter.fromOrEmpty(filing.effectiveOn(), LocalDate.class))
                .bind("reviewRegion", filing.reviewRegion())
                .bind("createdAt", filing.createdAt())
                .then();
    }

    Mono<Void> insertMaterial(UUID filingId, Material material, String fileName, String contentType, byte[] content,
                              Instant now) {
        return database.sql("""
                        insert into filing_material (id, filing_id, material, file_name, content_type, size_bytes,
                                                     content, uploaded_at)
                        values (:id, :filing, :material, :name, :type, :size, :content, :now)""")
                .bind("id", UUID.randomUUID())
                .bind("filing", filingId)
                .bind("material", material.name())
                .bind("name", fileName)
                .bind("type", contentType)
                .bind("size", content.length)
                .bind("content", content)
                .bind("now", now)
                .then();
    }

    Flux<FilingMaterial> materialsOf(UUID filingId) {
        return database.sql("select id, material, file_name, content_type, size_bytes from filing_material "
                        + "where filing_id = :filing order by uploaded_at")
                .bind("filing", filingId)
                .map(row -> new FilingMaterial(row.get("id", UUID.class), Material.valueOf(row.get("material", String.class)),
                        row.get("file_name", String.class), row.get("content_type", String.class),
                        row.get("size_bytes", Integer.class)))
                .all();
    }

    Mono<FilingMaterial.File> materialContent(UUID filingId, UUID materialId) {
        return database.sql("select file_name, content_type, content from filing_material where id = :id and filing_id = :filing")
                .bind("id", materialId).bind("filing", filingId)
                .map(row -> new FilingMaterial.File(row.get("file_name", String.class), row.get("content_type", String.class),
                        row.get("content", byte[].class)))
                .one();
    }

    /** Optimistic: only moves the filing if nobody changed it since it was read. */
    Mono<Boolean> transition(Filing filing, FilingStatus to, LocalDate effectiveOn) {
        return database.sql("""
                        update filing set status = :to, version = version + 1,
                               effective_on = coalesce(:effectiveOn, effective_on)
                        where id = :id and version = :version and status = :from""")
                .bind("to", to.name())
                .bind("effectiveOn", Parameter.fromOrEmpty(effectiveOn, LocalDate.class))
                .bind("id", filing.id())
                .bind("version", filing.version())
                .bind("from", filing.status().name())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    Mono<Void> event(UUID filingId, FilingStatus from, FilingStatus to, String actorType, String actorId, String reason,
                     Instant now) {
        return database.sql("""
                        insert into filing_event (filing_id, occurred_at, from_status, to_status, actor_type, actor_id, reason)
                        values (:filing, :now, :from, :to, :actorType, :actorId, :reason)""")
                .bind("filing", filingId)
                .bind("now", now)
                .bind("from", Parameter.fromOrEmpty(from == null ? null : from.name(), String.class))
                .bind("to", to.name())
                .bind("actorType", actorType)
                .bind("actorId", Parameter.fromOrEmpty(actorId, String.class))
                .bind("reason", Parameter.fromOrEmpty(reason, String.class))
                .then();
    }

    /** The history of several filings in one query, each filing's events in the order they happened. */
    Mono<Map<UUID, List<FilingEvent>>> eventsOf(Collection<UUID> filingIds) {
        return database.sql("select filing_id, occurred_at, from_status, to_status, actor_type, reason from filing_event "
                        + "where filing_id = any(:filings) order by id")
                .bind("filings", filingIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("filing_id", UUID.class), new FilingEvent(
                        row.get("occurred_at", Instant.class), row.get("from_status", String.class),
                        row.get("to_status", String.class), row.get("actor_type", String.class),
                        row.get("reason", String.class))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** Effective filings whose end date has passed. */
    Flux<Filing> dueToExpire(LocalDate today) {
        return database.sql("select " + COLUMNS + " from filing where status = 'EFFECTIVE' and end_date < :today")
                .bind("today", today)
                .map(FilingRepository::filing)
                .all();
    }

    private static Filing filing(Readable row) {
        return new Filing(row.get("id", UUID.class), row.get("number", String.class), row.get("insured_id", UUID.class),
                row.get("filed_by_id", UUID.class), FilingType.valueOf(row.get("type", String.class)),
                row.get("destination", String.class), row.get("start_date", LocalDate.class),
                row.get("end_date", LocalDate.class), row.get("reason", String.class),
                row.get("commitment", Boolean.class), row.get("treatment_date", LocalDate.class),
                FilingStatus.valueOf(row.get("status", String.class)), row.get("effective_on", LocalDate.class),
                row.get("review_region", String.class), row.get("created_at", Instant.class),
                row.get("version", Integer.class));
    }
}
