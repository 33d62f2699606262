package cn.yibao.portal.prescription;

import cn.yibao.portal.prescription.domain.PrescriptionLabels;
import cn.yibao.portal.prescription.domain.RefillReminders;
import cn.yibao.portal.resident.HomeNotices;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Verbatim;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * On the home page: a supply of two-disease medicine that runs out soon (续方), or a new prescription waiting at the
 * pharmacy, for the resident and their bound minors. Notices are Chinese (see {@link HomeNotices}); the wording is
 * in the message bundles.
 */
@Component
class PrescriptionHomeNotices implements HomeNotices {

    private final Prescriptions prescriptions;

    PrescriptionHomeNotices(Prescriptions prescriptions) {
        this.prescriptions = prescriptions;
    }

    @Override
    public Flux<Notice> of(Resident resident, List<Resident> boundMinors) {
        return prescriptions.remindersFor(resident, boundMinors).flatMapIterable(reminders -> reminders.stream()
                .map(this::notice).toList());
    }

    private Notice notice(Prescriptions.Reminder found) {
        String whose = found.self() ? "" : found.person().maskedName();
        String suffix = found.self() ? "self" : "member";
        if (found.reminder() instanceof RefillReminders.RefillDue due) {
            Phrase endsOn = Phrase.of("prescription.notice.date", due.supplyEndsOn().getMonthValue(),
                    due.supplyEndsOn().getDayOfMonth());
            String kind = due.waiting().isPresent() ? "refill.waiting." : "refill.";
            return new Notice("prescription-refill-" + due.personId() + "-" + due.disease().name().toLowerCase(Locale.ROOT),
                    "prescription.notice." + kind + suffix, List.of(whose, PrescriptionLabels.disease(due.disease()),
                            new Verbatim(due.drugName()), endsOn),
                    due.waiting().map(waiting -> "/prescriptions/" + waiting.id()).orElse("/prescriptions"));
        }
        RefillReminders.AwaitingPickup waiting = (RefillReminders.AwaitingPickup) found.reminder();
        return new Notice("prescription-pickup-" + waiting.prescription().id(),
                "prescription.notice.pickup." + suffix, List.of(whose, PrescriptionLabels.disease(waiting.disease()),
                        new Verbatim(waiting.prescription().drugName())),
                "/prescriptions/" + waiting.prescription().id());
    }


}
