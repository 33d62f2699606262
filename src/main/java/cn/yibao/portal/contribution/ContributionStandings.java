package cn.yibao.portal.contribution;

import cn.yibao.portal.contribution.api.ContributionStanding;
import cn.yibao.portal.resident.api.Resident;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Each person's standing for a benefit year (paid here or elsewhere, waiting, due, refunded, nothing to pay): two
 * queries whatever the size of the household (the portal's payments, then the upstream records), one after the other.
 */
@Service
public class ContributionStandings {

    private final ContributionQuotes quotes;
    private final ContributionPayments payments;
    private final UpstreamContributions upstream;

    ContributionStandings(ContributionQuotes quotes, ContributionPayments payments, UpstreamContributions upstream) {
        this.quotes = quotes;
        this.payments = payments;
        this.upstream = upstream;
    }

    /** By person, in the order given; {@code grade}: the adult grade chosen on the page, or null. */
    public Mono<Map<UUID, ContributionStanding>> of(List<Resident> people, int year, Integer grade) {
        List<UUID> ids = people.stream().map(Resident::id).toList();
        return payments.payments(ids, year).flatMap(here -> upstream.of(ids, year).map(elsewhere -> {
            Map<UUID, ContributionStanding> standings = new LinkedHashMap<>();
            for (Resident person : people) {
                standings.put(person.id(), ContributionStanding.decide(quotes.quoteFor(person, year, grade),
                        here.getOrDefault(person.id(), List.of()), elsewhere.getOrDefault(person.id(), List.of())));
            }
            return standings;
        }));
    }
}
