package cn.yibao.portal.upstream.sandbox;

import cn.yibao.portal.database.ConnectionScope;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.upstream.ImportOperator;
import cn.yibao.portal.upstream.ImportResult;
import cn.yibao.portal.upstream.UpstreamImports;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sandbox profile only: the demo batches in {@code sandbox/upstream/} ({@code YYYY-MM-DD-<kind>.jsonl|csv}) arrive
 * the way real ones would, through {@link UpstreamImports} as the operator {@code sandbox-feed}: every file dated on
 * or before the business date, oldest first, after the demo residents exist. A file already stored is skipped, so a
 * restart changes nothing; a refused file stops the start with its problems. The business clock runs forward, so
 * the feed looks again every hour for files that have become due.
 */
@Component
@Profile("sandbox")
@Order(10)
class SandboxUpstreamFeed implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(SandboxUpstreamFeed.class);
    private static final Duration WAIT = Duration.ofMinutes(5);

    private final UpstreamImports imports;
    private final BusinessClock clock;
    private final List<DemoBatch> batches;

    SandboxUpstreamFeed(UpstreamImports imports, BusinessClock clock) {
        this.imports = imports;
        this.clock = clock;
        this.batches = DemoBatch.all();
    }

    @Override
    public void run(ApplicationArguments args) {
        // Start-up thread, not an event loop: the demo data is in place before anyone signs in.
        Integer stored = importDue().block(WAIT);
        log.info("Sandbox upstream feed: " + stored + " demo batches imported up to " + clock.today());
    }

    @Scheduled(fixedDelayString = "${portal.upstream.sandbox-feed.check-interval:PT1H}",
            initialDelayString = "${portal.upstream.sandbox-feed.check-interval:PT1H}")
    void checkForNewlyDueBatches() {
        try {
            Integer stored = importDue().block(WAIT);
            if (stored != null && stored > 0) {
                log.info("Sandbox upstream feed: " + stored + " newly due demo batches imported");
            }
        } catch (RuntimeException e) {
            log.warn("Sandbox upstream feed failed; the next check retries", e);
        }
    }

    /** Imports every due batch not stored yet, in date order; answers how many were stored. */
    Mono<Integer> importDue() {
        return Flux.fromIterable(DemoBatch.due(batches, clock.today()))
                .concatMap(batch -> imports.alreadyStored(batch.kind(), batch.content())
                        .flatMap(done -> done ? Mono.just(false) : imports.importFile(batch.kind(),
                                new UpstreamImports.Upload(batch.fileName(), null, batch.content()),
                                ImportOperator.SANDBOX_FEED, null).map(result -> accepted(batch, result))))
                .filter(stored -> stored)
                .count()
                .map(Long::intValue)
                .contextWrite(ConnectionScope.of("sandbox upstream feed"));
    }

    private static boolean accepted(DemoBatch batch, ImportResult result) {
        return switch (result.status()) {
            case STORED -> true;
            case UNCHANGED -> false;
            default -> throw new IllegalStateException("Sandbox demo batch " + batch.fileName() + " was refused: "
                    + result.message() + result.problems().stream()
                    .map(p -> "\n  line " + p.line() + (p.field() == null ? "" : " " + p.field()) + ": " + p.reason())
                    .collect(Collectors.joining()));
        };
    }
}
