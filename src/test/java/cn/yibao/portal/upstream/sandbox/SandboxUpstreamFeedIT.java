package cn.yibao.portal.upstream.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo feed ran at start-up (business date 2023-10-15) through the import, and running it again — as a restart
 * or the hourly check does — changes nothing: no row, no batch, no audit row.
 */
class SandboxUpstreamFeedIT extends PortalIntegrationTest {

    private static final List<String> TABLES = List.of("upstream_batch", "settlement", "two_disease_qualification",
            "prescription", "contribution_record", "assistance_listing", "upstream_settlement",
            "upstream_contribution_record", "upstream_two_disease_qualification");

    @Autowired
    private SandboxUpstreamFeed feed;

    private List<Long> counts() {
        List<Long> counts = new java.util.ArrayList<>(TABLES.stream()
                .map(table -> count("select count(*) from " + table)).toList());
        counts.add(count("select count(*) from audit_event where action = 'UPSTREAM_IMPORT'"));
        return counts;
    }

    @Test
    void theBatchesDueByTheBusinessDateWereImportedOnceByTheFeed() {
        List<String> files = database.sql("select file_name from upstream_batch where operator = 'sandbox-feed'"
                        + " order by imported_at, file_name")
                .map(row -> row.get("file_name", String.class)).all().collectList().block();

        assertThat(files).containsExactlyInAnyOrderElementsOf(DemoBatch.due(DemoBatch.all(),
                java.time.LocalDate.of(2023, 10, 15)).stream().map(DemoBatch::fileName).toList());
        assertThat(count("select count(*) from resident r join assistance_listing a on a.resident_id = r.id"
                + " where r.psn_no = '14112100000000000021' and r.assistance = 'MINIMUM_LIVING'"
                + " and a.status = 'MINIMUM_LIVING'")).isEqualTo(1);
    }

    @Test
    void runningTheFeedAgainChangesNothing() {
        List<Long> before = counts();

        Integer stored = feed.importDue().block();

        assertThat(stored).isZero();
        assertThat(counts()).isEqualTo(before);
    }
}
