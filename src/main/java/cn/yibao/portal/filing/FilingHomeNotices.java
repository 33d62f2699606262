package cn.yibao.portal.filing;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.filing.domain.FilingStatus;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.resident.HomeNotices;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Verbatim;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * On the home page: a remote-settlement filing under review, or in force and ending within
 * {@link #ENDING_SOON_DAYS} days, for the resident and their bound minors — one query. Notices are Chinese (see
 * {@link HomeNotices}); the wording is in the message bundles.
 */
@Component
class FilingHomeNotices implements HomeNotices {

    static final int ENDING_SOON_DAYS = 30;

    private final FilingRepository filings;
    private final RegionCatalog regions;
    private final BusinessClock clock;

    FilingHomeNotices(FilingRepository filings, RegionCatalog regions, BusinessClock clock) {
        this.filings = filings;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    public Flux<Notice> of(Resident resident, List<Resident> boundMinors) {
        List<java.util.UUID> ids = new ArrayList<>();
        ids.add(resident.id());
        boundMinors.forEach(minor -> ids.add(minor.id()));
        LocalDate today = clock.today();
        return filings.ofInsured(ids).collectList().flatMapIterable(found -> found.stream()
                .filter(filing -> underReview(filing) || endingSoon(filing, today))
                .map(filing -> notice(filing, resident, boundMinors))
                .toList());
    }

    private static boolean underReview(Filing filing) {
        return filing.status() == FilingStatus.SUBMITTED || filing.status() == FilingStatus.UNDER_REVIEW;
    }

    private static boolean endingSoon(Filing filing, LocalDate today) {
        return filing.status() == FilingStatus.EFFECTIVE && filing.endDate() != null && !filing.endDate().isBefore(today)
                && !filing.endDate().isAfter(today.plusDays(ENDING_SOON_DAYS));
    }

    private Notice notice(Filing filing, Resident resident, List<Resident> minors) {
        boolean self = filing.insuredId().equals(resident.id());
        String whose = self ? "" : minors.stream().filter(minor -> minor.id().equals(filing.insuredId()))
                .map(Resident::maskedName).findFirst().orElse("");
        String suffix = self ? "self" : "member";
        String destination = regions.displayName(filing.destination(), "");
        String kind = underReview(filing) ? "review" : "ending";
        return new Notice("filing-" + kind + "-" + filing.id(),
                // The name and the place are said as written, marked as Chinese on an English page.
                "filing.notice." + kind + "." + suffix,
                List.of(new Verbatim(whose), new Verbatim(destination), String.valueOf(filing.endDate())),
                "/filing/" + filing.id());
    }
}
