package cn.yibao.portal.benefit.web;

import cn.yibao.portal.benefit.Benefits;
import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import cn.yibao.portal.benefit.domain.BenefitRule;
import cn.yibao.portal.benefit.domain.CapUse;
import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.benefit.domain.Estimate;
import cn.yibao.portal.benefit.domain.EstimateRequest;
import cn.yibao.portal.benefit.domain.EstimateStep;
import cn.yibao.portal.benefit.domain.InvalidEstimateRequest;
import cn.yibao.portal.benefit.domain.SettledBill;
import cn.yibao.portal.benefit.domain.Usage;
import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.PhraseLists;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.JsonBodies;
import cn.yibao.portal.web.JsonBody;
import cn.yibao.portal.web.ProblemResponses;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/benefits?year=&person=} (coverage, rules with citations, usage against caps, settlements) and
 * {@code POST /api/v1/benefits/estimate}, for the signed-in resident or a bound minor ({@code person}).
 */
@Configuration(proxyBeanMethods = false)
class BenefitApiRoutes {

    private static final Phrase NOT_YOURS = Phrase.of("benefit.api.notYours");

    private final CurrentResident currentResident;
    private final Benefits benefits;

    BenefitApiRoutes(CurrentResident currentResident, Benefits benefits) {
        this.currentResident = currentResident;
        this.benefits = benefits;
    }

    @Bean
    RouterFunction<ServerResponse> benefitApiRouter() {
        return RouterFunctions.route()
                .GET("/api/v1/benefits", this::benefits)
                .POST("/api/v1/benefits/estimate", this::estimate)
                .build();
    }

    // ---- GET /api/v1/benefits ----

    record CoverageJson(String status, LocalDate benefitStart, LocalDate benefitEnd, Boolean lateStart, String paidVia,
                        LocalDate paidOn, Long paidFen, String collector, String detail, String payUrl) {

        static CoverageJson of(Coverage coverage, Function<Phrase, String> say) {
            if (coverage instanceof Coverage.Covered covered) {
                return new CoverageJson(covered.status(), covered.start(), covered.end(), covered.lateStart(),
                        covered.source().name(), covered.paidOn(), covered.paidFen(), covered.collector(), null, null);
            }
            if (coverage instanceof Coverage.ShownBySettlements shown) {
                return new CoverageJson(shown.status(), null, null, null, "SETTLEMENTS", null, null, null,
                        say.apply(shown.detail()), null);
            }
            Coverage.NotCovered not = (Coverage.NotCovered) coverage;
            return new CoverageJson(not.status(), null, null, null, null, null, null, null, say.apply(not.detail()),
                    not.payHere() ? "/payment/new?year=" + not.benefitYear() : null);
        }
    }

    record RuleJson(String key, CareSetting setting, String name, String standing, String value, Citation citation,
                    String regionName, String note) {

        static RuleJson of(BenefitRule rule, Function<Phrase, String> say) {
            return new RuleJson(rule.key(), rule.setting(), say.apply(rule.name()), rule.standing().name(),
                    say.apply(rule.value()), rule.citation(), rule.regionName(), say.apply(rule.note()));
        }
    }

    /** A setting's spending; {@code cap*} only for settings with an annual cap rule (outpatient, two diseases). */
    record TotalsJson(int bills, long totalFen, long fundFen, long criticalIllnessFen, long assistanceFen,
                      long selfFen, String capStanding, String cap, Long capFen, Long capRemainingFen) {

        static TotalsJson of(Usage.Totals totals, Optional<CapUse> cap, Function<Phrase, String> say) {
            return new TotalsJson(totals.bills(), totals.totalFen(), totals.fundFen(), totals.criticalIllnessFen(),
                    totals.assistanceFen(), totals.selfFen(),
                    cap.map(use -> use.cap().standing().name()).orElse(null),
                    cap.map(use -> say.apply(use.cap().display())).orElse(null),
                    cap.map(CapUse::capFen).orElse(null),
                    cap.map(CapUse::remainingFen).orElse(null));
        }
    }

    record MonthJson(int month, long totalFen, long fundFen, long otherTiersFen, long selfFen) {
    }

    record UsageJson(TotalsJson inpatient, TotalsJson outpatient, TotalsJson twoDisease, TotalsJson all,
                     List<MonthJson> months) {

        static UsageJson of(Benefits.Overview overview, Function<Phrase, String> say) {
            Usage usage = overview.usage();
            return new UsageJson(
                    TotalsJson.of(usage.of(CareSetting.INPATIENT), overview.capUse(CareSetting.INPATIENT), say),
                    TotalsJson.of(usage.of(CareSetting.OUTPATIENT), overview.capUse(CareSetting.OUTPATIENT), say),
                    TotalsJson.of(usage.of(CareSetting.TWO_DISEASE), overview.capUse(CareSetting.TWO_DISEASE), say),
                    TotalsJson.of(usage.all(), Optional.empty(), say),
                    usage.months().stream().map(m -> new MonthJson(m.month(), m.totals().totalFen(),
                            m.totals().fundFen(), m.totals().otherTiersFen(), m.totals().selfFen())).toList());
        }
    }

    record BenefitsJson(UUID personId, String maskedName, int benefitYear, String regionName, CoverageJson coverage,
                        List<RuleJson> rules, UsageJson usage, List<SettledBill> settlements) {
    }

    private Mono<ServerResponse> benefits(ServerRequest request) {
        Optional<Integer> year = BenefitRequests.year(request);
        if (request.queryParam("year").isPresent() && year.isEmpty()) {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST, Phrase.of("quote.parameter.year"),
                    "year");
        }
        int benefitYear = year.orElse(benefits.currentBenefitYear());
        if (!benefits.benefitYears().contains(benefitYear)) {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST, yearsText(), "year");
        }
        return currentResident.handle(request, me -> benefits.personFor(me, request.queryParam("person").orElse(null))
                .flatMap(person -> benefits.overview(person, benefitYear))
                .flatMap(overview -> ServerResponse.ok().bodyValue(json(overview, RequestWords.sayer(request))))
                .switchIfEmpty(Mono.defer(() -> ProblemResponses.response(HttpStatus.NOT_FOUND,
                        NOT_YOURS, "person"))));
    }

    private static BenefitsJson json(Benefits.Overview overview, Function<Phrase, String> say) {
        Resident person = overview.person();
        return new BenefitsJson(person.id(), person.maskedName(), overview.benefitYear(),
                overview.schedule().map(schedule -> schedule.regionName()).orElse(null),
                CoverageJson.of(overview.coverage(), say),
                overview.schedule().map(schedule -> schedule.rules().stream().map(rule -> RuleJson.of(rule, say))
                        .toList()).orElse(List.of()),
                UsageJson.of(overview, say), overview.settlements());
    }

    // ---- POST /api/v1/benefits/estimate ----

    record StepJson(String code, String text, Long amountFen, Citation citation, String standing) {

        static StepJson of(EstimateStep step, Function<Phrase, String> say) {
            return new StepJson(step.code(), say.apply(step.text()), step.amountFen(), step.citation(),
                    step.standing() == null ? null : step.standing().name());
        }
    }

    /** What the records do not show and the estimate assumes (insured in the year, qualified for the two diseases). */
    record EligibilityJson(boolean insuredOnRecord, Boolean twoDiseaseQualifiedOnRecord, List<String> warnings) {
    }

    /**
     * {@code fundPaysFromFen}..{@code fundPaysToFen}: the headline's range ("基金约支付 5000 至 7000 元" out of area with a
     * target-level ratio), both equal to {@code fundPaysFen} when the headline is one figure.
     */
    record EstimateJson(int benefitYear, String regionName, long expenseFen, long fundPaysFen, long selfPaysFen,
                        String bound, String summary, long fundPaysFromFen, long fundPaysToFen, Long fundPaysAtLeastFen,
                        long fundPaysAtMostFen, long fundUsedThisYearFen, EligibilityJson eligibility,
                        List<StepJson> steps, List<String> notes) {
    }

    @JsonBody(route = "POST /api/v1/benefits/estimate", example = "{\"expenseFen\": 50000, \"setting\": \"OUTPATIENT\", "
            + "\"facilityLevel\": \"PRIMARY\", \"remote\": \"NONE\"}", optional = {"year", "person"})
    record EstimateBody(Long expenseFen, String setting, String facilityLevel, String remote, Integer year,
                        String person) {
    }

    private Mono<ServerResponse> estimate(ServerRequest request) {
        Function<Phrase, String> say = RequestWords.sayer(request);
        return currentResident.handle(request, me -> JsonBodies.read(request, EstimateBody.class, body -> {
                    EstimateRequest estimateRequest;
                    try {
                        estimateRequest = estimateRequest(body);
                        year(body);
                    } catch (InvalidEstimateRequest invalid) {
                        return ProblemResponses.response(HttpStatus.BAD_REQUEST, invalid.phrase(),
                                invalid.field());
                    }
                    int benefitYear = body.year() == null ? benefits.currentBenefitYear() : body.year();
                    if (!benefits.benefitYears().contains(benefitYear)) {
                        return ProblemResponses.response(HttpStatus.BAD_REQUEST, yearsText(), "year");
                    }
                    return benefits.personFor(me, body.person())
                            .flatMap(person -> benefits.estimate(person, benefitYear, estimateRequest))
                            .flatMap(estimated -> estimated instanceof Benefits.Estimated.Done done
                                    ? ServerResponse.ok().bodyValue(json(done, say))
                                    : ProblemResponses.response(HttpStatus.UNPROCESSABLE_CONTENT,
                                            ((Benefits.Estimated.NoRules) estimated).reason(), null))
                            .onErrorResume(InvalidEstimateRequest.class, invalid -> ProblemResponses.response(
                                    HttpStatus.BAD_REQUEST, invalid.phrase(), invalid.field()))
                            .switchIfEmpty(Mono.defer(() -> ProblemResponses.response(HttpStatus.NOT_FOUND,
                                    NOT_YOURS, "person")));
                }));
    }

    private Phrase yearsText() {
        return Phrase.of("benefit.api.years", PhraseLists.series(benefits.benefitYears()));
    }

    private static EstimateRequest estimateRequest(EstimateBody body) {
        if (body.expenseFen() == null) {
            throw new InvalidEstimateRequest("expenseFen", Phrase.of("benefit.api.expenseFen"));
        }
        return new EstimateRequest(body.expenseFen(),
                BenefitRequests.option(CareSetting.class, body.setting(), "setting"),
                BenefitRequests.option(FacilityLevel.class, body.facilityLevel(), "facilityLevel"),
                BenefitRequests.option(RemoteCare.class, body.remote(), "remote"));
    }

    private static void year(EstimateBody body) {
        if (body.year() != null && (body.year() < 1000 || body.year() > 9999)) {
            throw new InvalidEstimateRequest("year", Phrase.of("benefit.api.year"));
        }
    }

    private static EstimateJson json(Benefits.Estimated.Done done, Function<Phrase, String> say) {
        Estimate estimate = done.estimate();
        return new EstimateJson(done.schedule().benefitYear(), done.schedule().regionName(), estimate.expenseFen(),
                estimate.fundPaysFen(), estimate.selfPaysFen(), estimate.bound().name(),
                say.apply(Phrase.of("benefit.estimate.summary", estimate.bound().phrase(),
                        BenefitViews.fundShareYuan(estimate))),
                estimate.fundPaysFromFen(), estimate.fundPaysFen(),
                estimate.fundPaysAtLeastFen(), estimate.fundPaysAtMostFen(), done.fundUsedThisYearFen(),
                new EligibilityJson(done.eligibility().insuredOnRecord(), done.eligibility().qualifiedOnRecord(),
                        done.eligibility().warnings().stream().map(say).toList()),
                estimate.steps().stream().map(step -> StepJson.of(step, say)).toList(),
                estimate.notes().stream().map(say).toList());
    }
}
