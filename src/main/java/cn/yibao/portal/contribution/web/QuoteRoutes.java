package cn.yibao.portal.contribution.web;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.contribution.ContributionQuotes;
import cn.yibao.portal.contribution.api.QuoteResult;
import cn.yibao.portal.contribution.domain.Enrolment;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import cn.yibao.portal.text.Phrases;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.ProblemResponses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Public: the supported regions, the quote API, and the fee calculator page (缴费标准查询). No sign-in needed. */
@Configuration(proxyBeanMethods = false)
class QuoteRoutes {

    private final ContributionQuotes quotes;
    private final SupportedRegions regions;
    private final BusinessClock clock;
    private final Pages pages;
    private final Phrases phrases;

    QuoteRoutes(ContributionQuotes quotes, SupportedRegions regions, BusinessClock clock, Pages pages,
                Phrases phrases) {
        this.phrases = phrases;
        this.quotes = quotes;
        this.regions = regions;
        this.clock = clock;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> quoteRouter() {
        return RouterFunctions.route()
                .GET("/api/v1/regions", this::regions)
                .GET("/api/v1/policy/quote", this::quoteApi)
                .GET("/contribution/calculator", this::calculatorPage)
                .build();
    }

    record RegionResponse(String code, String name, String level, String parentCode) {
        static RegionResponse of(Region region) {
            return new RegionResponse(region.code(), region.name(), region.level().name(), region.parentCode());
        }
    }

    private Mono<ServerResponse> regions(ServerRequest request) {
        return ServerResponse.ok().bodyValue(regions.all().stream().map(RegionResponse::of).toList());
    }

    private Mono<ServerResponse> quoteApi(ServerRequest request) {
        QuoteParameters.Parsed parsed = QuoteParameters.parse(name -> request.queryParam(name).orElse(null), clock.today());
        if (parsed instanceof QuoteParameters.Invalid invalid) {
            return problem(HttpStatus.BAD_REQUEST, invalid.message(), invalid.parameter());
        }
        QuoteResult result = quotes.quote(((QuoteParameters.Valid) parsed).query());
        if (result instanceof QuoteResult.Quoted quoted) {
            return ServerResponse.ok().bodyValue(QuoteResponse.of(quoted.quote(),
                    phrase -> phrases.say(phrase, locale(request))));
        }
        if (result instanceof QuoteResult.Rejected rejected) {
            return problem(HttpStatus.BAD_REQUEST, rejected.reason(), rejected.parameter());
        }
        QuoteResult.NoPolicy noPolicy = (QuoteResult.NoPolicy) result;
        return problem(HttpStatus.NOT_FOUND, noPolicy.reason(), noPolicy.parameter());
    }

    private static Mono<ServerResponse> problem(HttpStatus status, Phrase detail, String parameter) {
        return ProblemResponses.response(status, detail, parameter);
    }

    private static java.util.Locale locale(ServerRequest request) {
        return RequestWords.locale(request.exchange());
    }

    private Mono<ServerResponse> calculatorPage(ServerRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("regionChoices", regionChoices());
        model.put("years", quotes.benefitYears());
        model.put("categories", List.of(Category.values()));
        model.put("assistanceGroups", List.of(AssistanceStatus.values()));
        model.put("enrolments", List.of(Enrolment.values()));
        Map<String, String> form = new HashMap<>();
        request.queryParams().forEach((name, values) -> form.put(name, values.isEmpty() ? null : values.get(0)));
        form.putIfAbsent("year", String.valueOf(quotes.currentBenefitYear()));
        // The form has one date field for the enrolment's event; the API names it after the event.
        String eventDate = form.get("eventDate");
        if (eventDate != null && !eventDate.isBlank()) {
            List.of("leftOn", "movedOn", "birthDate").forEach(name -> form.putIfAbsent(name, eventDate));
        }
        model.put("form", form);
        if (request.queryParam("region").isPresent()) {
            QuoteParameters.Parsed parsed = QuoteParameters.parse(form::get, clock.today());
            if (parsed instanceof QuoteParameters.Invalid invalid) {
                // A resident fills in one date field for the route's event, not the API's parameter.
                model.put("error", List.of("leftOn", "movedOn", "birthDate").contains(invalid.parameter())
                        ? Phrase.of("calculator.error.eventDate", Phrase.of("quote.parameter.event." + invalid.parameter()))
                        : invalid.message());
            } else {
                QuoteResult result = quotes.quote(((QuoteParameters.Valid) parsed).query());
                if (result instanceof QuoteResult.Quoted quoted) {
                    model.put("quote", QuoteView.of(quoted.quote(), regions));
                } else if (result instanceof QuoteResult.Rejected rejected) {
                    model.put("error", rejected.reason());
                } else {
                    model.put("error", ((QuoteResult.NoPolicy) result).reason());
                }
            }
        }
        return pages.render(request, "contribution/calculator", model);
    }

    record RegionChoice(String code, String label, Phrase words) {
    }

    /** Regions with their own documents, their cities, and "other regions" (national figures). */
    private List<RegionChoice> regionChoices() {
        List<RegionChoice> choices = new java.util.ArrayList<>();
        for (Region region : regions.withDocuments()) {
            choices.add(new RegionChoice(region.code(), labelOf(region), null));
            if (region.level() == Region.Level.PROVINCE) {
                regions.all().stream()
                        .filter(child -> region.code().equals(child.parentCode()) && !RegionCatalog.isGrouping(child))
                        .forEach(child -> choices.add(new RegionChoice(child.code(), region.name() + " " + child.name(),
                                null)));
            }
        }
        choices.add(new RegionChoice(Region.NATIONAL, null, Phrase.of("calculator.region.national")));
        // A city with its own document is also a child of its province: list it once.
        return choices.stream().filter(distinctBy(RegionChoice::code)).toList();
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, String> key) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return item -> seen.add(key.apply(item));
    }

    private String labelOf(Region region) {
        return regions.displayName(region.code());
    }
}
