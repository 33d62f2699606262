package cn.yibao.portal.prescription;

import cn.yibao.portal.prescription.api.Disease;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import cn.yibao.portal.prescription.domain.Prescription;
import cn.yibao.portal.prescription.domain.Qualification;
import cn.yibao.portal.prescription.domain.SettledBill;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the upstream two-disease records (the upstream module writes them; nothing here changes them). */
@Repository
class PrescriptionRepository {

    private static final String PRESCRIPTION_COLUMNS = """
            id, prescription_no, resident_id, disease, drug_name, specification, dosage, quantity, quantity_unit,
            days_supply, long_term, facility_name, facility_region, prescribed_on, status, dispensed_on""";

    private final DatabaseClient database;

    PrescriptionRepository(DatabaseClient database) {
        this.database = database;
    }

    Flux<Qualification> qualificationsOf(Collection<UUID> residentIds) {
        return database.sql("""
                        select qualification_no, resident_id, disease, qualified_on, facility_name, facility_region
                        from two_disease_qualification where resident_id = any(:ids)
                        order by qualified_on, disease""")
                .bind("ids", residentIds.toArray(UUID[]::new))
                .map(row -> new Qualification(row.get("qualification_no", String.class),
                        row.get("resident_id", UUID.class), Disease.valueOf(row.get("disease", String.class)),
                        row.get("qualified_on", LocalDate.class), row.get("facility_name", String.class),
                        row.get("facility_region", String.class)))
                .all();
    }

    /** Newest first. */
    Flux<Prescription> prescriptionsOf(Collection<UUID> residentIds) {
        return database.sql("select " + PRESCRIPTION_COLUMNS + " from prescription where resident_id = any(:ids)"
                        + " order by prescribed_on desc, prescription_no desc")
                .bind("ids", residentIds.toArray(UUID[]::new))
                .map(PrescriptionRepository::prescription)
                .all();
    }

    Mono<Prescription> find(UUID id) {
        return database.sql("select " + PRESCRIPTION_COLUMNS + " from prescription where id = :id")
                .bind("id", id)
                .map(PrescriptionRepository::prescription)
                .one();
    }

    /**
     * The bills this module shows: those settled under the two-disease scheme (this year's spending) and those paid
     * for a prescription (its reimbursement).
     */
    Flux<SettledBill> twoDiseaseBillsOf(Collection<UUID> residentIds) {
        return database.sql("""
                        select settlement_no, resident_id, benefit_year, settled_on, setting, facility_name,
                               prescription_no, total_fen, fund_fen, critical_illness_fen, assistance_fen, self_fen
                        from settlement
                        where resident_id = any(:ids) and (setting = 'TWO_DISEASE' or prescription_no is not null)
                        order by settled_on, settlement_no""")
                .bind("ids", residentIds.toArray(UUID[]::new))
                .map(row -> new SettledBill(row.get("settlement_no", String.class), row.get("resident_id", UUID.class),
                        row.get("benefit_year", Integer.class), row.get("settled_on", LocalDate.class),
                        "TWO_DISEASE".equals(row.get("setting", String.class)), row.get("facility_name", String.class),
                        row.get("prescription_no", String.class), row.get("total_fen", Long.class),
                        row.get("fund_fen", Long.class), row.get("critical_illness_fen", Long.class),
                        row.get("assistance_fen", Long.class), row.get("self_fen", Long.class)))
                .all();
    }

    private static Prescription prescription(Readable row) {
        return new Prescription(row.get("id", UUID.class), row.get("prescription_no", String.class),
                row.get("resident_id", UUID.class), Disease.valueOf(row.get("disease", String.class)),
                row.get("drug_name", String.class), row.get("specification", String.class),
                row.get("dosage", String.class), row.get("quantity", Integer.class),
                row.get("quantity_unit", String.class), row.get("days_supply", Integer.class),
                row.get("long_term", Boolean.class), row.get("facility_name", String.class),
                row.get("facility_region", String.class), row.get("prescribed_on", LocalDate.class),
                PrescriptionStatus.valueOf(row.get("status", String.class)), row.get("dispensed_on", LocalDate.class));
    }
}
