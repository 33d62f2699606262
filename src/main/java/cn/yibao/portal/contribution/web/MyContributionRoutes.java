package cn.yibao.portal.contribution.web;

import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.contribution.HouseholdContributions;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.identity.NationalIdentityTypes;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.ProblemResponses;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** "我的缴费" and {@code GET /api/v1/contributions}: one quote per person, self first, then bound members. */
@Configuration(proxyBeanMethods = false)
class MyContributionRoutes {

    private final CurrentResident currentResident;
    private final HouseholdContributions household;
    private final ContributionQuotes quotes;
    private final SupportedRegions regions;
    private final Pages pages;
    private final NationalIdentityTypes nationalIdentityTypes;

    MyContributionRoutes(CurrentResident currentResident, HouseholdContributions household, ContributionQuotes quotes,
                         SupportedRegions regions, Pages pages, NationalIdentityTypes nationalIdentityTypes) {
        this.nationalIdentityTypes = nationalIdentityTypes;
        this.currentResident = currentResident;
        this.household = household;
        this.quotes = quotes;
        this.regions = regions;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> myContributionRouter() {
        return RouterFunctions.route()
                .GET("/contribution", this::page)
                .GET("/api/v1/contributions", this::api)
                .build();
    }

    private Mono<ServerResponse> page(ServerRequest request) {
        Optional<Integer> year = year(request);
        if (request.queryParam("year").isPresent() && year.isEmpty()) {
            return ServerResponse.seeOther(java.net.URI.create("/contribution")).build();
        }
        int benefitYear = year.orElse(quotes.currentBenefitYear());
        Integer grade = request.queryParam("grade").filter(g -> g.matches("\\d")).map(Integer::valueOf).orElse(null);
        return currentResident.of(request)
                .flatMap(me -> household.withStandings(me, benefitYear, grade)
                        .map(members -> members.stream().map(member -> card(me, member)).toList()))
                .zipWith(nationalIdentityTypes.of(request))
                .flatMap(cardsAndIdentities -> {
                    List<Card> cards = cardsAndIdentities.getT1();
                    Map<String, Object> model = new HashMap<>();
                    model.put("nationalIdentityTypes", cardsAndIdentities.getT2());
                    model.put("cards", cards);
                    model.put("summary", Summary.of(cards));
                    model.put("year", benefitYear);
                    model.put("years", quotes.benefitYears());
                    return pages.render(request, "contribution/mine", model);
                })
                .switchIfEmpty(Mono.defer(() -> CurrentResident.refuse(request)));
    }

    /** One person: who, their standing first, then the quote that explains the figures (or why there is none). */
    record Card(String personId, String maskedName, String relation, StandingView standing, QuoteView quote,
                Phrase problem) {
    }

    /**
     * The household at a glance: what may be paid now (total, how many, the earliest deadline), and how many are paid
     * or have nothing to pay.
     */
    record Summary(String dueYuan, int dueCount, String deadline, int paidCount, int settledCount, int total) {

        static Summary of(List<Card> cards) {
            long dueFen = 0;
            int dueCount = 0;
            int paid = 0;
            int settled = 0;
            String deadline = null;
            for (Card card : cards) {
                StandingView standing = card.standing();
                if (standing.payableNow()) {
                    dueFen += cn.yibao.portal.shared.Money.fenFromYuan(standing.dueYuan());
                    dueCount++;
                    if (standing.deadline() != null && (deadline == null || standing.deadline().compareTo(deadline) < 0)) {
                        deadline = standing.deadline();
                    }
                }
                if (standing.paid()) {
                    paid++;
                }
                if (standing.paid() || "FREE".equals(standing.state())) {
                    settled++;
                }
            }
            return new Summary(cn.yibao.portal.shared.Money.yuan(dueFen), dueCount, deadline, paid, settled,
                    cards.size());
        }
    }

    private Card card(Resident me, HouseholdContributions.Member person) {
        QuoteResult result = person.quote();
        return new Card(person.person().id().toString(), person.person().maskedName(), person.relation(),
                StandingView.of(person.standing(), me.id(), person.person().assistance()),
                result instanceof QuoteResult.Quoted quoted ? QuoteView.of(quoted.quote(), regions) : null,
                problemOf(result));
    }

    /** One entry per person: their masked identity and the quote fields (or why there is no quote). */
    record Entry(UUID personId, String relation, String maskedName, String maskedCertno,
                 @JsonUnwrapped QuoteResponse quote, String problem, String paymentStatus, UUID paymentId,
                 String standing) {
    }

    private Mono<ServerResponse> api(ServerRequest request) {
        Optional<Integer> year = year(request);
        if (request.queryParam("year").isPresent() && year.isEmpty()) {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST,
                    Phrase.of("quote.parameter.year"), "year");
        }
        int benefitYear = year.orElse(quotes.currentBenefitYear());
        Integer grade = request.queryParam("grade").filter(g -> g.matches("\\d")).map(Integer::valueOf).orElse(null);
        return currentResident.of(request)
                .flatMap(me -> household.withStandingsAndOrders(me, benefitYear, grade))
                .map(members -> members.stream().map(member -> entry(request, member)).toList())
                .flatMap(entries -> ServerResponse.ok().bodyValue(entries))
                .switchIfEmpty(Mono.defer(() -> CurrentResident.refuse(request)));
    }

    private Entry entry(ServerRequest request, HouseholdContributions.Member person) {
        java.util.function.Function<Phrase, String> say = RequestWords.sayer(request);
        QuoteResult result = person.quote();
        Resident resident = person.person();
        var mark = person.order();
        return new Entry(resident.id(), person.relation(), resident.maskedName(), resident.maskedCertno(),
                result instanceof QuoteResult.Quoted quoted ? QuoteResponse.of(quoted.quote(), say) : null,
                say.apply(problemOf(result)), mark == null ? null : mark.paid() ? "PAID" : "OPEN",
                mark == null ? null : mark.orderId(), StandingView.of(person.standing(), resident.id(), null).state());
    }

    private static Phrase problemOf(QuoteResult result) {
        if (result instanceof QuoteResult.NoPolicy noPolicy) {
            return noPolicy.reason();
        }
        if (result instanceof QuoteResult.Rejected rejected) {
            return rejected.reason();
        }
        return null;
    }

    private static Optional<Integer> year(ServerRequest request) {
        return request.queryParam("year").filter(y -> y.matches("\\d{4}")).map(Integer::valueOf);
    }
}
