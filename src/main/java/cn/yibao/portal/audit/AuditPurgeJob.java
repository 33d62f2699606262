package cn.yibao.portal.audit;

import cn.yibao.portal.audit.api.AuditEntry.ActorType;
import cn.yibao.portal.audit.api.AuditEntry.Outcome;
import cn.yibao.portal.audit.api.AuditEntry;
import cn.yibao.portal.audit.domain.AuditRetention;
import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.database.ConnectionScope;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Once a day removes audit rows older than {@code portal.audit.retention} (at least 180 days, else the start fails).
 * Safe on several instances at once: the database function takes the chain lock, the second run finds nothing.
 */
@Component
class AuditPurgeJob {

    static final String ACTION = "AUDIT_PURGE";

    private static final Log log = LogFactory.getLog(AuditPurgeJob.class);

    private final AuditChain chain;
    private final AuditTrail audit;
    private final BusinessClock clock;
    private final AuditRetention retention;

    AuditPurgeJob(AuditChain chain, AuditTrail audit, BusinessClock clock,
                  @Value("${portal.audit.retention:P365D}") Duration retention) {
        this.chain = chain;
        this.audit = audit;
        this.clock = clock;
        this.retention = new AuditRetention(retention);
    }

    @Scheduled(cron = "${portal.audit.purge-cron:0 30 3 * * *}", zone = "${portal.zone:Asia/Shanghai}")
    void purge() {
        try {
            // A scheduler thread, not an event loop: waiting keeps runs from overlapping.
            Long purged = chain.purge(retention)
                    .flatMap(count -> count == 0 ? Mono.just(count) : audit.record(new AuditEntry(clock.now(),
                            ActorType.SYSTEM, "audit-retention", null, ACTION, Outcome.SUCCESS, null, null,
                            "removed " + count + " rows stored more than " + retention.days() + " days ago"))
                            .thenReturn(count))
                    .contextWrite(ConnectionScope.of("audit purge"))
                    .block(Duration.ofMinutes(30));
            if (purged != null && purged > 0) {
                log.info("Purged " + purged + " audit rows older than " + retention.days() + " days");
            }
        } catch (RuntimeException e) {
            log.warn("Audit purge failed; the next run retries", e);
        }
    }
}
