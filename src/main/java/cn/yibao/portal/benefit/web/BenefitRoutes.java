package cn.yibao.portal.benefit.web;

import cn.yibao.portal.benefit.Benefits;
import cn.yibao.portal.benefit.domain.Coverage;
import cn.yibao.portal.benefit.domain.SettledBill;
import cn.yibao.portal.benefit.domain.Usage;
import cn.yibao.portal.policy.domain.Money;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.domain.Resident;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.ProblemResponses;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** "我的待遇" ({@code /benefits}) and {@code GET /api/v1/benefits}: for the resident or a bound minor, one year. */
@Configuration(proxyBeanMethods = false)
class BenefitRoutes {

    private final CurrentResident currentResident;
    private final Benefits benefits;
    private final Pages pages;
    private final MessageSource messages;

    BenefitRoutes(CurrentResident currentResident, Benefits benefits, Pages pages, MessageSource messages) {
        this.currentResident = currentResident;
        this.benefits = benefits;
        this.pages = pages;
        this.messages = messages;
    }

    @Bean
    RouterFunction<ServerResponse> benefitRouter() {
        return RouterFunctions.route()
                .GET("/benefits", this::page)
                .GET("/api/v1/benefits", this::api)
                .build();
    }

    private Mono<ServerResponse> page(ServerRequest request) {
        Optional<Integer> year = year(request);
        if (request.queryParam("year").isPresent() && year.isEmpty()) {
            return ServerResponse.seeOther(java.net.URI.create("/benefits")).build();
        }
        int benefitYear = year.orElse(benefits.currentBenefitYear());
        Locale locale = request.exchange().getLocaleContext().getLocale();
        return currentResident.handle(request, me -> benefits.personFor(me, request.queryParam("person").orElse(null))
                .flatMap(person -> Mono.zip(benefits.overview(person, benefitYear), benefits.people(me).collectList()))
                .flatMap(loaded -> {
                    Benefits.Overview overview = loaded.getT1();
                    Map<String, Object> model = new HashMap<>();
                    model.put("year", benefitYear);
                    model.put("years", benefits.benefitYears());
                    model.put("person", overview.person().maskedName());
                    model.put("personId", overview.person().id().toString());
                    model.put("people", BenefitViews.people(loaded.getT2(), overview));
                    model.put("coverage", BenefitViews.CoverageView.of(overview.coverage()));
                    model.put("totals", BenefitViews.totals(overview.usage()));
                    model.put("months", BenefitViews.months(overview.usage()));
                    model.put("settlements", overview.settlements().stream().map(BenefitViews.SettlementView::of).toList());
                    if (overview.usage().all().bills() > 0) {
                        model.put("chart", SpendingChart.svg(overview.usage().months(), chartLabels(overview, locale)));
                    }
                    return pages.render(request, "benefit/mine", model);
                })
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request))));
    }

    private SpendingChart.Labels chartLabels(Benefits.Overview overview, Locale locale) {
        Usage.Totals all = overview.usage().all();
        return new SpendingChart.Labels(
                text("benefit.chart.title", locale, overview.benefitYear()),
                text("benefit.chart.summary", locale, all.bills(), Money.yuan(all.totalFen()), Money.yuan(all.fundFen()),
                        Money.yuan(all.otherTiersFen()), Money.yuan(all.selfFen())),
                text("benefit.chart.yuan", locale),
                text("benefit.chart.fund", locale),
                text("benefit.chart.otherTiers", locale),
                text("benefit.chart.self", locale));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    // ---- API ----

    record CoverageJson(String status, LocalDate benefitStart, LocalDate benefitEnd, Boolean lateStart, String paidVia,
                        LocalDate paidOn, Long paidFen, String collector, String detail, String payUrl) {

        static CoverageJson of(Coverage coverage) {
            if (coverage instanceof Coverage.Covered covered) {
                return new CoverageJson(BenefitViews.CoverageView.of(covered).state(), covered.start(), covered.end(),
                        covered.lateStart(), covered.source().name(), covered.paidOn(), covered.paidFen(),
                        covered.collector(), null, null);
            }
            Coverage.NotCovered not = (Coverage.NotCovered) coverage;
            return new CoverageJson(not.why().name(), null, null, null, null, null, null, null, not.detail(),
                    not.payHere() ? "/payment/new?year=" + not.benefitYear() : null);
        }
    }

    record TotalsJson(int bills, long totalFen, long fundFen, long criticalIllnessFen, long assistanceFen,
                      long selfFen) {

        static TotalsJson of(Usage.Totals totals) {
            return new TotalsJson(totals.bills(), totals.totalFen(), totals.fundFen(), totals.criticalIllnessFen(),
                    totals.assistanceFen(), totals.selfFen());
        }
    }

    record MonthJson(int month, long totalFen, long fundFen, long otherTiersFen, long selfFen) {
    }

    record UsageJson(TotalsJson inpatient, TotalsJson outpatient, TotalsJson twoDisease, TotalsJson all,
                     List<MonthJson> months) {

        static UsageJson of(Usage usage) {
            return new UsageJson(TotalsJson.of(usage.of(cn.yibao.portal.benefit.domain.CareSetting.INPATIENT)),
                    TotalsJson.of(usage.of(cn.yibao.portal.benefit.domain.CareSetting.OUTPATIENT)),
                    TotalsJson.of(usage.of(cn.yibao.portal.benefit.domain.CareSetting.TWO_DISEASE)),
                    TotalsJson.of(usage.all()),
                    usage.months().stream().map(m -> new MonthJson(m.month(), m.totals().totalFen(),
                            m.totals().fundFen(), m.totals().otherTiersFen(), m.totals().selfFen())).toList());
        }
    }

    record BenefitsJson(UUID personId, String maskedName, int benefitYear, CoverageJson coverage, UsageJson usage,
                        List<SettledBill> settlements) {
    }

    private Mono<ServerResponse> api(ServerRequest request) {
        Optional<Integer> year = year(request);
        if (request.queryParam("year").isPresent() && year.isEmpty()) {
            return ProblemResponses.response(HttpStatus.BAD_REQUEST, "参数 year 应为四位数的待遇年度，例如 2024。", "year");
        }
        int benefitYear = year.orElse(benefits.currentBenefitYear());
        return currentResident.handle(request, me -> benefits.personFor(me, request.queryParam("person").orElse(null))
                .flatMap(person -> benefits.overview(person, benefitYear))
                .flatMap(overview -> ServerResponse.ok().bodyValue(json(overview)))
                .switchIfEmpty(Mono.defer(() -> ProblemResponses.response(HttpStatus.NOT_FOUND,
                        "没有找到这位家庭成员：只能查看本人和已绑定的未成年子女的待遇。", "person"))));
    }

    private static BenefitsJson json(Benefits.Overview overview) {
        Resident person = overview.person();
        return new BenefitsJson(person.id(), person.maskedName(), overview.benefitYear(),
                CoverageJson.of(overview.coverage()), UsageJson.of(overview.usage()), overview.settlements());
    }

    private static Optional<Integer> year(ServerRequest request) {
        return request.queryParam("year").filter(y -> y.matches("\\d{4}")).map(Integer::valueOf);
    }
}
