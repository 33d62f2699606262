package cn.yibao.portal.benefit.web;

import cn.yibao.portal.benefit.Benefits;
import cn.yibao.portal.benefit.api.CareSetting;
import cn.yibao.portal.benefit.api.FacilityLevel;
import cn.yibao.portal.benefit.api.RemoteCare;
import cn.yibao.portal.benefit.domain.EstimateRequest;
import cn.yibao.portal.benefit.domain.InvalidEstimateRequest;
import cn.yibao.portal.benefit.domain.TypedYuan;
import cn.yibao.portal.benefit.domain.Usage;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.web.Pages;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * "我的待遇" ({@code /benefits}): for the resident or a bound minor and one year — coverage, caps used, spending with
 * its chart, settlements, the rules with their documents, and the estimator. The estimator is a GET form on the same
 * page (it changes nothing), so it needs no script and no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class BenefitPages {

    private final CurrentResident currentResident;
    private final Benefits benefits;
    private final Pages pages;
    private final MessageSource messages;

    BenefitPages(CurrentResident currentResident, Benefits benefits, Pages pages, MessageSource messages) {
        this.currentResident = currentResident;
        this.benefits = benefits;
        this.pages = pages;
        this.messages = messages;
    }

    @Bean
    RouterFunction<ServerResponse> benefitPageRouter() {
        return RouterFunctions.route().GET("/benefits", this::page).build();
    }

    private Mono<ServerResponse> page(ServerRequest request) {
        Optional<Integer> year = BenefitRequests.year(request);
        if (request.queryParam("year").isPresent()
                && (year.isEmpty() || !benefits.benefitYears().contains(year.get()))) {
            return ServerResponse.seeOther(java.net.URI.create("/benefits")).build();
        }
        int benefitYear = year.orElse(benefits.currentBenefitYear());
        Locale locale = request.exchange().getLocaleContext().getLocale();
        return currentResident.handle(request, me -> benefits.personFor(me, request.queryParam("person").orElse(null))
                .flatMap(person -> InTurn.zip(benefits.overview(person, benefitYear), benefits.people(me).collectList()))
                .flatMap(loaded -> estimate(request, loaded.getT1())
                        .map(estimate -> model(loaded.getT1(), loaded.getT2(), estimate, locale)))
                .flatMap(model -> pages.render(request, "benefit/mine", model))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request))));
    }

    /** The form as entered and, when it was submitted and valid, the estimate. */
    private record EstimateOutcome(BenefitViews.EstimateForm form, BenefitViews.EstimateView result, Phrase noRules) {
    }

    private Mono<EstimateOutcome> estimate(ServerRequest request, Benefits.Overview overview) {
        BenefitViews.EstimateForm form = new BenefitViews.EstimateForm(request.queryParam("expense").orElse(""),
                request.queryParam("setting").orElse(BenefitViews.EstimateForm.EMPTY.setting()),
                request.queryParam("level").orElse(BenefitViews.EstimateForm.EMPTY.level()),
                request.queryParam("remote").orElse(BenefitViews.EstimateForm.EMPTY.remote()), null, null);
        if (request.queryParam("expense").isEmpty()) {
            return Mono.just(new EstimateOutcome(form, null, null));
        }
        return Mono.fromCallable(() -> new EstimateRequest(yuanToFen(form.expense()),
                        BenefitRequests.option(CareSetting.class, form.setting(), "setting"),
                        BenefitRequests.option(FacilityLevel.class, form.level(), "facilityLevel"),
                        BenefitRequests.option(RemoteCare.class, form.remote(), "remote")))
                .flatMap(estimateRequest -> benefits.estimate(overview, estimateRequest))
                .map(estimated -> estimated instanceof Benefits.Estimated.Done done
                        ? new EstimateOutcome(form, BenefitViews.EstimateView.of(done.estimate(),
                                done.fundUsedThisYearFen(), done.eligibility().warnings()), null)
                        : new EstimateOutcome(form, null, ((Benefits.Estimated.NoRules) estimated).reason()))
                .onErrorResume(InvalidEstimateRequest.class,
                        invalid -> Mono.just(new EstimateOutcome(form.refused(invalid), null, null)));
    }

    /** Yuan as a resident types it ("500", "86.5", "5000元", "5,000", "５０００"); anything else is refused with a message. */
    private static long yuanToFen(String yuan) {
        return TypedYuan.toFen(yuan).orElseThrow(() -> new InvalidEstimateRequest("expenseFen",
                Phrase.of("benefit.estimate.typedYuan")));
    }

    private Map<String, Object> model(Benefits.Overview overview, List<Benefits.Person> people,
                                      EstimateOutcome estimate, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        int year = overview.benefitYear();
        model.put("year", year);
        model.put("years", benefits.benefitYears());
        model.put("person", overview.person().maskedName());
        model.put("personId", overview.person().id().toString());
        model.put("people", BenefitViews.people(people, overview));
        model.put("coverage", BenefitViews.CoverageView.of(overview.coverage()));
        model.put("totals", BenefitViews.totals(overview.usage()));
        model.put("months", BenefitViews.months(overview.usage()));
        model.put("settlements", overview.settlements().stream().map(BenefitViews.SettlementView::of).toList());
        if (overview.usage().all().bills() > 0) {
            model.put("chart", SpendingChart.svg(overview.usage().months(), chartLabels(overview, locale)));
        }
        overview.schedule().ifPresent(schedule -> {
            model.put("ruleGroups", BenefitViews.ruleGroups(schedule));
            model.put("regionName", schedule.regionName());
        });
        model.put("caps", java.util.stream.Stream.of(CareSetting.OUTPATIENT, CareSetting.TWO_DISEASE)
                .map(overview::capUse).flatMap(Optional::stream)
                .map(use -> BenefitViews.CapView.of(use, text("benefit.cap.bar", locale,
                        text("benefit.setting." + use.setting().name(), locale), Money.yuan(use.usedFen()))))
                .toList());
        model.put("form", estimate.form());
        model.put("estimate", estimate.result());
        model.put("estimateUnavailable", estimate.noRules());
        model.put("settings", List.of(CareSetting.values()));
        model.put("levels", List.of(FacilityLevel.values()));
        model.put("remotes", List.of(RemoteCare.values()));
        return model;
    }

    private SpendingChart.Labels chartLabels(Benefits.Overview overview, Locale locale) {
        Usage.Totals all = overview.usage().all();
        return new SpendingChart.Labels(
                text("benefit.chart.title", locale, overview.benefitYear()),
                text("benefit.chart.summary", locale, all.bills(), Money.yuan(all.totalFen()), Money.yuan(all.fundFen()),
                        Money.yuan(all.otherTiersFen()), Money.yuan(all.selfFen())),
                text("benefit.chart.yuan", locale),
                text("benefit.chart.tenThousandYuan", locale),
                text("benefit.chart.fund", locale),
                text("benefit.chart.otherTiers", locale),
                text("benefit.chart.self", locale));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
