package cn.yibao.portal.resident;

import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.resident.api.Resident;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Resident rows. Only loading and storing: the rules live in {@code resident.domain}. */
@Repository
class ResidentRepository {

    private static final String COLUMNS = """
            id, name, certno_masked, birth_date, psn_no, insured_region, category, assistance, household_id, enrolled_on""";

    private final DatabaseClient database;

    ResidentRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<Resident> findByCertnoHash(byte[] certnoHash) {
        return database.sql("select " + COLUMNS + " from resident where certno_hash = :hash")
                .bind("hash", certnoHash)
                .map(ResidentRepository::resident)
                .one();
    }

    /** A resident found by the hex form of their lookup hash. */
    record WithHash(String hashHex, Resident resident) {
    }

    /** Many residents at once by the hex form of their lookup hashes (one query, index on certno_hash). */
    Flux<WithHash> findByCertnoHashes(Collection<String> hashesHex) {
        return database.sql("select " + COLUMNS + ", encode(certno_hash, 'hex') as hash_hex from resident"
                        + " where certno_hash in (select decode(h, 'hex') from unnest(cast(:hashes as text[])) as h)")
                .bind("hashes", hashesHex.toArray(String[]::new))
                .map(row -> new WithHash(row.get("hash_hex", String.class), resident(row)))
                .all();
    }

    Mono<Void> updateAssistance(Map<UUID, AssistanceStatus> statuses, Instant now) {
        List<Map.Entry<UUID, AssistanceStatus>> entries = List.copyOf(statuses.entrySet());
        return database.sql("""
                        update resident r set assistance = u.status, updated_at = :now
                        from unnest(cast(:ids as uuid[]), cast(:statuses as text[])) as u (id, status)
                        where r.id = u.id""")
                .bind("ids", entries.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
                .bind("statuses", entries.stream().map(entry -> entry.getValue().name()).toArray(String[]::new))
                .bind("now", now)
                .then();
    }

    /** Several residents in one query; the order is the database's. */
    Flux<Resident> findAllById(Collection<UUID> ids) {
        return database.sql("select " + COLUMNS + " from resident where id = any(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(ResidentRepository::resident)
                .all();
    }

    Mono<Resident> findById(UUID id) {
        return database.sql("select " + COLUMNS + " from resident where id = :id")
                .bind("id", id)
                .map(ResidentRepository::resident)
                .one();
    }

    /** A new resident from sign-in claims, or the existing one (matched on the ID number) brought up to date. */
    Mono<Resident> upsertFromSignIn(NewResident resident, Instant now) {
        return identity(resident, now).apply(database.sql("""
                        insert into resident (id, certno_hash, certno_cipher, certno_masked, name, birth_date, psn_no,
                                              evoucher_subject, insured_region, category, created_at, updated_at,
                                              last_sign_in_at)
                        values (:id, :hash, :cipher, :masked, :name, :birthDate, :psnNo, :subject, :region, :category,
                                :now, :now, :now)
                        on conflict (certno_hash) do update
                           set name = excluded.name, psn_no = excluded.psn_no,
                               evoucher_subject = excluded.evoucher_subject, insured_region = excluded.insured_region,
                               updated_at = excluded.updated_at, last_sign_in_at = excluded.last_sign_in_at
                        returning\s""" + COLUMNS))
                .bind("subject", resident.evoucherSubject())
                .map(ResidentRepository::resident)
                .one();
    }

    /** Demo rows (sandbox only): inserted once, their demo attributes restored on every start. */
    Mono<Void> upsertDemo(NewResident resident, AssistanceStatus assistance, UUID householdId, String relation,
                          LocalDate enrolledOn, Instant now) {
        return identity(resident, now).apply(database.sql("""
                        insert into resident (id, certno_hash, certno_cipher, certno_masked, name, birth_date, psn_no,
                                              insured_region, category, assistance, household_id, household_relation,
                                              enrolled_on, created_at, updated_at)
                        values (:id, :hash, :cipher, :masked, :name, :birthDate, :psnNo, :region, :category,
                                :assistance, :household, :relation, :enrolledOn, :now, :now)
                        on conflict (certno_hash) do update
                           set category = excluded.category, assistance = excluded.assistance,
                               household_id = excluded.household_id, household_relation = excluded.household_relation,
                               enrolled_on = excluded.enrolled_on"""))
                .bind("assistance", assistance.name())
                .bind("household", householdId)
                .bind("relation", relation)
                .bind("enrolledOn", Parameter.fromOrEmpty(enrolledOn, LocalDate.class))
                .then();
    }

    Mono<Void> upsertHousehold(UUID id, String regionCode, Instant now) {
        return database.sql("""
                        insert into household (id, region_code, created_at) values (:id, :region, :now)
                        on conflict (id) do nothing""")
                .bind("id", id)
                .bind("region", regionCode)
                .bind("now", now)
                .then();
    }

    /** Binds the columns every insert of a resident has: a new id, the protected ID number, name, region, time. */
    private static UnaryOperator<DatabaseClient.GenericExecuteSpec> identity(NewResident resident, Instant now) {
        return spec -> spec
                .bind("id", UUID.randomUUID())
                .bind("hash", resident.certnoHash())
                .bind("cipher", resident.certnoCipher())
                .bind("masked", resident.maskedCertno())
                .bind("name", resident.name())
                .bind("birthDate", resident.birthDate())
                .bind("psnNo", resident.psnNo())
                .bind("region", resident.insuredRegion())
                .bind("category", resident.category().name())
                .bind("now", now);
    }

    private static Resident resident(Readable row) {
        return new Resident(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("certno_masked", String.class),
                row.get("birth_date", LocalDate.class),
                row.get("psn_no", String.class),
                row.get("insured_region", String.class),
                Category.valueOf(row.get("category", String.class)),
                AssistanceStatus.valueOf(row.get("assistance", String.class)),
                row.get("household_id", UUID.class),
                row.get("enrolled_on", LocalDate.class));
    }

    /** What is stored for a resident's identity; the ID number only as hash, ciphertext and masked form. */
    record NewResident(byte[] certnoHash, byte[] certnoCipher, String maskedCertno, String name, LocalDate birthDate,
                       String psnNo, String evoucherSubject, String insuredRegion, Category category) {
    }
}
