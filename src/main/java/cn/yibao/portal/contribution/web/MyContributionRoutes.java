package cn.yibao.portal.contribution.web;

import cn.yibao.portal.contribution.ContributionPayments;
import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.contribution.domain.QuoteResult;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.domain.Resident;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** "我的缴费" and {@code GET /api/v1/contributions}: one quote per person, self first, then bound members. */
@Configuration(proxyBeanMethods = false)
class MyContributionRoutes {

    private final CurrentResident currentResident;
    private final Family family;
    private final ContributionQuotes quotes;
    private final SupportedRegions regions;
    private final Pages pages;
    private final ContributionPayments payments;

    MyContributionRoutes(CurrentResident currentResident, Family family, ContributionQuotes quotes,
                         SupportedRegions regions, Pages pages, ContributionPayments payments) {
        this.payments = payments;
        this.currentResident = currentResident;
        this.family = family;
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

    /** A person the resident may pay for, with how they relate to the resident. */
    record Person(Resident resident, String relation) {
    }

    private Flux<Person> people(Resident me) {
        return Flux.concat(Mono.just(new Person(me, "SELF")),
                family.activeMembersOf(me).map(member -> new Person(member.person(), member.relation().name())));
    }

    private Mono<ServerResponse> page(ServerRequest request) {
        Optional<Integer> year = year(request);
        if (request.queryParam("year").isPresent() && year.isEmpty()) {
            return ServerResponse.seeOther(java.net.URI.create("/contribution")).build();
        }
        int benefitYear = year.orElse(quotes.currentBenefitYear());
        Integer grade = request.queryParam("grade").filter(g -> g.matches("\\d")).map(Integer::valueOf).orElse(null);
        return currentResident.of(request)
                .flatMap(me -> people(me).collectList())
                .flatMap(people -> payments.marks(people.stream().map(p -> p.resident().id()).toList(), benefitYear)
                        .map(marks -> people.stream().map(person -> card(person, benefitYear, grade,
                                marks.get(person.resident().id()))).toList()))
                .flatMap(cards -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("cards", cards);
                    model.put("year", benefitYear);
                    model.put("years", quotes.benefitYears());
                    return pages.render(request, "contribution/mine", model);
                })
                .switchIfEmpty(Mono.defer(() -> CurrentResident.refuse(request)));
    }

    /** {@code payment}: PAID or OPEN (an order waits for payment) with {@code orderId}, else null. */
    record Card(String personId, String maskedName, String relation, QuoteView quote, String problem, String payment,
                UUID orderId) {
    }

    private Card card(Person person, int year, Integer grade, ContributionPayments.Mark mark) {
        QuoteResult result = quotes.quoteFor(person.resident(), year, grade);
        return new Card(person.resident().id().toString(), person.resident().maskedName(), person.relation(),
                result instanceof QuoteResult.Quoted quoted ? QuoteView.of(quoted.quote(), regions) : null,
                problemOf(result), mark == null ? null : mark.paid() ? "PAID" : "OPEN",
                mark == null ? null : mark.orderId());
    }

    /** One entry per person: their masked identity and the quote fields (or why there is no quote). */
    record Entry(UUID personId, String relation, String maskedName, String maskedCertno,
                 @JsonUnwrapped QuoteResponse quote, String problem, String paymentStatus, UUID paymentId) {
    }

    private Mono<ServerResponse> api(ServerRequest request) {
        Optional<Integer> year = year(request);
        if (request.queryParam("year").isPresent() && year.isEmpty()) {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST, "参数 year 应为四位数的待遇年度，例如 2024。", "year");
        }
        int benefitYear = year.orElse(quotes.currentBenefitYear());
        Integer grade = request.queryParam("grade").filter(g -> g.matches("\\d")).map(Integer::valueOf).orElse(null);
        return currentResident.of(request)
                .flatMap(me -> people(me).collectList())
                .flatMap(people -> payments.marks(people.stream().map(p -> p.resident().id()).toList(), benefitYear)
                        .map(marks -> people.stream().map(person -> entry(person, benefitYear, grade,
                                marks.get(person.resident().id()))).toList()))
                .flatMap(entries -> ServerResponse.ok().bodyValue(entries))
                .switchIfEmpty(Mono.defer(() -> CurrentResident.refuse(request)));
    }

    private Entry entry(Person person, int year, Integer grade, ContributionPayments.Mark mark) {
        QuoteResult result = quotes.quoteFor(person.resident(), year, grade);
        Resident resident = person.resident();
        return new Entry(resident.id(), person.relation(), resident.maskedName(), resident.maskedCertno(),
                result instanceof QuoteResult.Quoted quoted ? QuoteResponse.of(quoted.quote()) : null,
                problemOf(result), mark == null ? null : mark.paid() ? "PAID" : "OPEN",
                mark == null ? null : mark.orderId());
    }

    private static String problemOf(QuoteResult result) {
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
