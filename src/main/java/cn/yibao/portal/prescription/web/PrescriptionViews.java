package cn.yibao.portal.prescription.web;

import cn.yibao.portal.prescription.Prescriptions;
import cn.yibao.portal.prescription.TwoDiseaseAllowance;
import cn.yibao.portal.prescription.domain.Prescription;
import cn.yibao.portal.prescription.domain.PrescriptionLabels;
import cn.yibao.portal.prescription.domain.Qualification;
import cn.yibao.portal.prescription.domain.RefillReminders;
import cn.yibao.portal.prescription.domain.Reimbursement;
import cn.yibao.portal.prescription.domain.SettledBill;
import cn.yibao.portal.qrcode.Codes;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Money;
import cn.yibao.portal.shared.Phrase;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** JSON shapes of {@code /api/v1/prescriptions}, reused by the pages (which add yuan texts). Money ends in Fen. */
final class PrescriptionViews {

    /** Shown instead of the pickup code while a help-desk worker acts for the resident. */
    static final Phrase PICKUP_CODE_WITHHELD = Phrase.of("prescription.code.withheld");

    private PrescriptionViews() {
    }

    record QualificationView(UUID personId, String maskedName, String qualificationNo, String disease,
                             String diseaseName, LocalDate qualifiedOn, String facilityName) {
        static QualificationView of(Qualification qualification, Resident person, Function<Phrase, String> say) {
            return new QualificationView(person.id(), person.maskedName(), qualification.qualificationNo(),
                    qualification.disease().name(), say.apply(PrescriptionLabels.disease(qualification.disease())),
                    qualification.qualifiedOn(), qualification.facilityName());
        }
    }

    record ReimbursementView(int settlements, long totalFen, long fundFen, long criticalIllnessFen, long assistanceFen,
                             long selfFen) {
        static ReimbursementView of(Reimbursement r) {
            return new ReimbursementView(r.settlements(), r.totalFen(), r.fundFen(), r.criticalIllnessFen(),
                    r.assistanceFen(), r.selfFen());
        }

        String totalYuan() {
            return Money.yuan(totalFen);
        }
    }

    record PrescriptionView(UUID id, String prescriptionNo, UUID personId, String maskedName, String disease,
                            String diseaseName, String drugName, String specification, String dosage, int quantity,
                            String quantityUnit, int daysSupply, boolean longPrescription, String longPrescriptionLabel,
                            String facilityName, LocalDate prescribedOn, String status, String statusName,
                            LocalDate dispensedOn, LocalDate supplyEndsOn, ReimbursementView reimbursement) {
        static PrescriptionView of(Prescriptions.Entry entry, Resident person, Function<Phrase, String> say) {
            Prescription p = entry.prescription();
            Phrase longLabel = PrescriptionLabels.longPrescription(p);
            return new PrescriptionView(p.id(), p.prescriptionNo(), person.id(), person.maskedName(), p.disease().name(),
                    say.apply(PrescriptionLabels.disease(p.disease())), p.drugName(), p.specification(), p.dosage(),
                    p.quantity(), p.quantityUnit(), p.daysSupply(), p.longPrescription(),
                    longLabel == null ? null : say.apply(longLabel),
                    p.facilityName(), p.prescribedOn(), p.status().name(), say.apply(PrescriptionLabels.status(p.status())),
                    p.dispensedOn(), p.supplyEndsOn(), ReimbursementView.of(entry.reimbursement()));
        }
    }

    record SettlementView(String settlementNo, LocalDate settledOn, String facilityName, long totalFen, long fundFen,
                          long criticalIllnessFen, long assistanceFen, long selfFen) {
        static SettlementView of(SettledBill bill) {
            return new SettlementView(bill.settlementNo(), bill.settledOn(), bill.facilityName(), bill.totalFen(),
                    bill.fundFen(), bill.criticalIllnessFen(), bill.assistanceFen(), bill.selfFen());
        }
    }

    record PickupCodeView(String token, Instant expiresAt, String imageUrl) {
        static PickupCodeView of(Codes.IssuedCode code) {
            return new PickupCodeView(code.token(), code.expiresAt(), "/codes/image/" + code.token() + ".svg");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AllowanceView(String capText, Long remainingFen, String citation, String note) {
        static AllowanceView of(TwoDiseaseAllowance.Allowance allowance, Function<Phrase, String> say) {
            return new AllowanceView(say.apply(allowance.capText()), allowance.remainingFen(),
                    allowance.citationOrNull(), allowance.note() == null ? null : say.apply(allowance.note()));
        }
    }

    /** One person's two-disease spending this benefit year, and what the benefit rules say is left. */
    record SpendingView(UUID personId, String maskedName, boolean self, int benefitYear, long twoDiseaseUsedFen,
                        AllowanceView allowance) {
        static SpendingView of(Prescriptions.PersonRecords records, int year, Function<Phrase, String> say) {
            return new SpendingView(records.person().id(), records.person().maskedName(), records.self(), year,
                    records.usedFundFen(), records.allowance().map(a -> AllowanceView.of(a, say)).orElse(null));
        }
    }

    /**
     * REFILL_DUE: the supply runs out on supplyEndsOn (prescriptionId: a new one already waits at the pharmacy);
     * AWAITING_PICKUP: prescriptionId waits at the pharmacy.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReminderView(String kind, UUID personId, String maskedName, String disease, String drugName,
                        LocalDate supplyEndsOn, Long daysLeft, UUID prescriptionId) {
        static ReminderView of(Prescriptions.Reminder found) {
            Resident person = found.person();
            if (found.reminder() instanceof RefillReminders.RefillDue due) {
                return new ReminderView("REFILL_DUE", person.id(), person.maskedName(), due.disease().name(),
                        due.drugName(), due.supplyEndsOn(), due.daysLeft(),
                        due.waiting().map(waiting -> waiting.id()).orElse(null));
            }
            RefillReminders.AwaitingPickup waiting = (RefillReminders.AwaitingPickup) found.reminder();
            return new ReminderView("AWAITING_PICKUP", person.id(), person.maskedName(), waiting.disease().name(),
                    waiting.prescription().drugName(), null, null, waiting.prescription().id());
        }
    }

    /**
     * {@code GET /api/v1/prescriptions}: the signed-in resident's own spending at the top, everyone's (self and bound
     * minors) under {@code people}, and the records of all of them, each naming its person.
     */
    record ListView(int benefitYear, int refillNoticeDays, long twoDiseaseUsedFen, AllowanceView allowance,
                    List<SpendingView> people, List<QualificationView> qualifications,
                    List<PrescriptionView> prescriptions, List<ReminderView> reminders) {
        static ListView of(Prescriptions.Overview overview, Function<Phrase, String> say) {
            List<SpendingView> people = overview.people().stream()
                    .map(records -> SpendingView.of(records, overview.benefitYear(), say)).toList();
            SpendingView self = people.get(0);
            return new ListView(overview.benefitYear(), overview.refillNoticeDays(), self.twoDiseaseUsedFen(),
                    self.allowance(), people,
                    overview.people().stream().flatMap(records -> records.qualifications().stream()
                            .map(q -> QualificationView.of(q, records.person(), say))).toList(),
                    overview.people().stream().flatMap(records -> records.entries().stream()
                            .map(e -> PrescriptionView.of(e, records.person(), say))).toList(),
                    overview.reminders().stream().map(ReminderView::of).toList());
        }
    }

    /** {@code GET /api/v1/prescriptions/{id}}: the prescription, its settlements and, while it waits, a pickup code. */
    record DetailView(@JsonUnwrapped PrescriptionView prescription, List<SettlementView> settlements,
                      @JsonInclude(JsonInclude.Include.NON_NULL) PickupCodeView pickupCode,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String pickupCodeNote) {
    }
}
