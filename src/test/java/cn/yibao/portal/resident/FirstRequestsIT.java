package cn.yibao.portal.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A person the portal has never seen fires many requests at once (an app after sign-in): one record, no errors. */
class FirstRequestsIT extends PortalIntegrationTest {

    @Test
    void thirtyConcurrentFirstRequestsOfANewResidentAllSucceedAndMakeOneRecord() {
        String claims = FreshResidents.adultIn("141121", "严初见");
        String token = signIn.accessToken("first-" + UUID.randomUUID(), claims);
        String psnNo = JsonMapper.builder().build().readTree(claims).get("psn_no").asString();

        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 30)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> portal.get().uri("/api/v1/me")
                            .headers(h -> h.setBearerAuth(token)).exchange()
                            .returnResult(Void.class).getStatus().value(), pool))
                    .toList();
            assertThat(calls.stream().map(CompletableFuture::join).toList()).containsOnly(200);
        } finally {
            pool.shutdown();
        }
        assertThat(database.sql("select count(*) from resident where psn_no = :psn").bind("psn", psnNo)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
    }
}
