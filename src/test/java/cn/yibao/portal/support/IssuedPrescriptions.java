package cn.yibao.portal.support;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** An issued two-disease prescription as the upstream import stores it (with a batch of its own), for test set-ups. */
public final class IssuedPrescriptions {

    private IssuedPrescriptions() {
    }

    /** Answers the new prescription's id; {@code numberPrefix} keeps each test's prescription numbers apart. */
    public static String forResident(DatabaseClient database, UUID residentId, String numberPrefix) {
        UUID batch = UUID.randomUUID();
        database.sql("""
                        insert into upstream_batch (id, kind, file_name, content_sha256, lines, inserted, updated,
                                                    unchanged, operator, region_code, imported_at)
                        values (:id, 'PRESCRIPTIONS', 'test-setup.jsonl', :sha, 1, 1, 0, 0, 'test-setup', '141121', now())""")
                .bind("id", batch).bind("sha", new byte[32]).then().block();
        UUID id = UUID.randomUUID();
        database.sql("""
                        insert into prescription (id, prescription_no, resident_id, disease, drug_name, specification,
                                                  dosage, quantity, quantity_unit, days_supply, long_term, facility_name,
                                                  facility_region, prescribed_on, status, batch_id)
                        values (:id, :no, :resident, 'HYPERTENSION', '氨氯地平片', '5mg×28片', '每日一次', 1, '盒', 28,
                                false, '文水县人民医院', '141121', date '2023-10-14', 'ISSUED', :batch)""")
                .bind("id", id).bind("no", numberPrefix + id.toString().substring(0, 13)).bind("resident", residentId)
                .bind("batch", batch).then().block();
        return id.toString();
    }
}
