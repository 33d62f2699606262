package cn.yibao.portal.prescription.web;

import cn.yibao.portal.prescription.Prescriptions;
import cn.yibao.portal.prescription.domain.Reimbursement;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.RequestValues;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** 两病处方: {@code /prescriptions} (per person) and {@code /prescriptions/{id}}; another resident's is the 404 page. */
@Configuration(proxyBeanMethods = false)
class PrescriptionPages {

    private final Prescriptions prescriptions;
    private final CurrentResident currentResident;
    private final Pages pages;

    PrescriptionPages(Prescriptions prescriptions, CurrentResident currentResident, Pages pages) {
        this.prescriptions = prescriptions;
        this.currentResident = currentResident;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> prescriptionPageRouter() {
        return RouterFunctions.route()
                .GET("/prescriptions", request -> currentResident.handle(request, me -> list(request, me)))
                .GET("/prescriptions/{id}", request -> currentResident.handle(request, me -> detail(request, me)))
                .build();
    }

    /** Yuan texts of a bill or a sum of bills. */
    record Amounts(int settlements, String totalYuan, String fundYuan, String criticalIllnessYuan, String assistanceYuan,
                  String selfYuan) {
        static Amounts of(long totalFen, long fundFen, long criticalIllnessFen, long assistanceFen, long selfFen,
                         int settlements) {
            return new Amounts(settlements, Money.yuan(totalFen), Money.yuan(fundFen), Money.yuan(criticalIllnessFen),
                    Money.yuan(assistanceFen), Money.yuan(selfFen));
        }

        static Amounts of(Reimbursement r) {
            return of(r.totalFen(), r.fundFen(), r.criticalIllnessFen(), r.assistanceFen(), r.selfFen(), r.settlements());
        }
    }

    /** A prescription on the list: its facts, what was settled for it, and its pickup code while it waits. */
    record Card(PrescriptionViews.PrescriptionView p, Amounts money, PrescriptionViews.PickupCodeView code) {
    }

    record AllowanceLine(Phrase capText, String remainingYuan, String citation, Phrase note) {
    }

    record PersonSection(UUID personId, String maskedName, boolean self, List<PrescriptionViews.QualificationView> qualifications,
                         List<Card> prescriptions, String usedYuan, AllowanceLine allowance, boolean empty) {
    }

    private Mono<ServerResponse> list(ServerRequest request, Resident me) {
        boolean assisted = CurrentResident.isAssisted(request);
        return prescriptions.overviewFor(me).flatMap(overview -> {
            List<PersonSection> people = overview.people().stream().map(records -> new PersonSection(
                    records.person().id(), records.person().maskedName(), records.self(),
                    records.qualifications().stream()
                            .map(q -> PrescriptionViews.QualificationView.of(q, records.person(), say(request))).toList(),
                    records.entries().stream().map(entry -> new Card(
                            PrescriptionViews.PrescriptionView.of(entry, records.person(), say(request)),
                            Amounts.of(entry.reimbursement()),
                            assisted ? null : prescriptions.pickupCode(entry.prescription())
                                    .map(PrescriptionViews.PickupCodeView::of).orElse(null))).toList(),
                    Money.yuan(records.usedFundFen()),
                    records.allowance().map(a -> new AllowanceLine(a.capText(),
                            a.remainingFen() == null ? null : Money.yuan(a.remainingFen()), a.citationOrNull(),
                            a.note())).orElse(null),
                    records.qualifications().isEmpty() && records.entries().isEmpty())).toList();
            Map<String, Object> model = new HashMap<>();
            model.put("benefitYear", String.valueOf(overview.benefitYear())); // not "2,023"
            model.put("people", people);
            model.put("assisted", assisted);
            return pages.render(request, "prescription/list", model);
        });
    }

    private static Function<Phrase, String> say(ServerRequest request) {
        return RequestWords.sayer(request);
    }

    record SettlementLine(String settlementNo, LocalDate settledOn, String facilityName, Amounts money) {
    }

    private Mono<ServerResponse> detail(ServerRequest request, Resident me) {
        boolean assisted = CurrentResident.isAssisted(request);
        return Mono.justOrEmpty(RequestValues.uuid(request.pathVariable("id")))
                .flatMap(id -> prescriptions.findFor(me, id))
                .flatMap(found -> {
                    PrescriptionViews.DetailView view = PrescriptionApiRoutes.detailOf(found, assisted, prescriptions,
                            say(request));
                    Map<String, Object> model = new HashMap<>();
                    model.put("p", view.prescription());
                    model.put("money", Amounts.of(found.entry().reimbursement()));
                    model.put("settlements", found.entry().bills().stream().map(bill -> new SettlementLine(
                            bill.settlementNo(), bill.settledOn(), bill.facilityName(), Amounts.of(bill.totalFen(),
                            bill.fundFen(), bill.criticalIllnessFen(), bill.assistanceFen(), bill.selfFen(), 1))).toList());
                    model.put("code", view.pickupCode());
                    model.put("codeWithheld", view.pickupCodeNote() != null);
                    model.put("self", found.self());
                    return pages.render(request, "prescription/detail", model);
                })
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request)));
    }
}
