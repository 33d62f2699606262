package cn.yibao.portal.filing;

import cn.yibao.portal.database.ConnectionScope;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Moves filings past their end date to EXPIRED, recording the change; safe to run twice (optimistic update). */
@Component
class FilingExpiry {

    private static final Log log = LogFactory.getLog(FilingExpiry.class);

    private final Filings filings;

    FilingExpiry(Filings filings) {
        this.filings = filings;
    }

    @Scheduled(fixedDelayString = "${portal.filing.expiry-check:PT10M}", initialDelayString = "PT1M")
    void expire() {
        try {
            // A scheduler thread, not an event loop: waiting keeps runs from overlapping.
            Long count = filings.expireDue().contextWrite(ConnectionScope.of("filing expiry")).block(java.time.Duration.ofMinutes(5));
            if (count != null && count > 0) {
                log.info("Expired " + count + " filings");
            }
        } catch (RuntimeException e) {
            log.warn("Filing expiry failed; the next run retries", e);
        }
    }
}
