package cn.yibao.portal.benefit;

import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.benefit.domain.CoverageRules;
import cn.yibao.portal.benefit.domain.SettledBill;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads what the upstream imports stored: settlements and contributions paid outside the portal. */
@Repository
class BenefitRecords {

    private final DatabaseClient database;

    BenefitRecords(DatabaseClient database) {
        this.database = database;
    }

    /** The person's settlements of a benefit year, newest first. */
    Flux<SettledBill> settlements(UUID personId, int benefitYear) {
        return database.sql("""
                        select settlement_no, settled_on, setting, facility_name, facility_level, facility_region, remote,
                               total_fen, in_scope_fen, fund_fen, critical_illness_fen, assistance_fen, self_fen
                        from settlement where resident_id = :person and benefit_year = :year
                        order by settled_on desc, settlement_no desc""")
                .bind("person", personId).bind("year", benefitYear)
                .map(BenefitRecords::bill).all();
    }

    /** Whether the core platform reported a two-disease (hypertension or diabetes) qualification for the person. */
    Mono<Boolean> hasTwoDiseaseQualification(UUID personId) {
        return database.sql("select exists (select 1 from two_disease_qualification where resident_id = :person) as q")
                .bind("person", personId).map(row -> Boolean.TRUE.equals(row.get("q", Boolean.class))).one();
    }

    /** Contributions collected outside the portal (tax bureau, banks, collection agents), as the core platform reports them. */
    Flux<CoverageRules.Paid> contributionsPaidElsewhere(UUID personId, int benefitYear) {
        return database.sql("""
                        select paid_on, amount_fen, collector, benefit_start, benefit_end from contribution_record
                        where resident_id = :person and benefit_year = :year""")
                .bind("person", personId).bind("year", benefitYear)
                .map(row -> new CoverageRules.Paid(Coverage.Source.UPSTREAM, row.get("paid_on", LocalDate.class),
                        row.get("amount_fen", Long.class), row.get("collector", String.class),
                        row.get("benefit_start", LocalDate.class), row.get("benefit_end", LocalDate.class)))
                .all();
    }

    private static SettledBill bill(Readable row) {
        return new SettledBill(row.get("settlement_no", String.class), row.get("settled_on", LocalDate.class),
                CareSetting.valueOf(row.get("setting", String.class)), row.get("facility_name", String.class),
                FacilityLevel.valueOf(row.get("facility_level", String.class)), row.get("facility_region", String.class),
                RemoteCare.valueOf(row.get("remote", String.class)), row.get("total_fen", Long.class),
                row.get("in_scope_fen", Long.class), row.get("fund_fen", Long.class),
                row.get("critical_illness_fen", Long.class), row.get("assistance_fen", Long.class),
                row.get("self_fen", Long.class));
    }
}
