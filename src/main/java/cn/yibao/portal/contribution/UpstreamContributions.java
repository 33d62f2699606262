package cn.yibao.portal.contribution;

import cn.yibao.portal.contribution.api.ContributionStanding.UpstreamPayment;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Contributions collected outside the portal (tax bureau, banks, collection agents) as the core platform reported
 * them: the {@code contribution_record} view the upstream module keeps (only records that still count), read here as
 * the benefit module reads it, so that "我的缴费" says 已缴 where 我的待遇 says 已参保.
 */
@Repository
public class UpstreamContributions {

    private final DatabaseClient database;

    UpstreamContributions(DatabaseClient database) {
        this.database = database;
    }

    /** These people's records of the year, by person, in one query. */
    public Mono<Map<UUID, List<UpstreamPayment>>> of(Collection<UUID> people, int benefitYear) {
        if (people.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("""
                        select resident_id, paid_on, amount_fen, collector, benefit_start, benefit_end
                        from contribution_record where resident_id = any(:people) and benefit_year = :year""")
                .bind("people", people.toArray(UUID[]::new)).bind("year", benefitYear)
                .map(row -> Map.entry(row.get("resident_id", UUID.class), new UpstreamPayment(
                        row.get("paid_on", LocalDate.class), row.get("amount_fen", Long.class),
                        row.get("collector", String.class), row.get("benefit_start", LocalDate.class),
                        row.get("benefit_end", LocalDate.class))))
                .all().collectList()
                .map(rows -> rows.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
    }
}
