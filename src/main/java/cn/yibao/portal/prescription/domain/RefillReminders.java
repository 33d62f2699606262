package cn.yibao.portal.prescription.domain;

import cn.yibao.portal.prescription.api.Disease;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * When to remind a patient about their medicine, per person and disease: when the latest supply picked up runs out
 * within the notice period, it is time for a new prescription (续方) — or, if one has already been issued, to pick
 * it up; a new prescription waiting at the pharmacy is announced on its own otherwise.
 */
public final class RefillReminders {

    private RefillReminders() {
    }

    public sealed interface Reminder {
        UUID personId();

        Disease disease();
    }

    /**
     * The latest supply of the disease's medicine ends on {@code supplyEndsOn}, {@code daysLeft} days from today;
     * {@code waiting} is the newest prescription for it already issued and not picked up, if any (then the next step
     * is the pharmacy, not the doctor).
     */
    public record RefillDue(UUID personId, Disease disease, String drugName, LocalDate supplyEndsOn, long daysLeft,
                            Optional<Prescription> waiting) implements Reminder {
    }

    /** A prescription has been issued and not picked up yet. */
    public record AwaitingPickup(UUID personId, Disease disease, Prescription prescription) implements Reminder {
    }

    /**
     * The reminders for everyone's prescriptions, grouped by person (in the order they first appear) and disease.
     *
     * @param noticeDays how many days ahead a supply that runs out is announced (0: only on its last day)
     */
    public static List<Reminder> of(List<Prescription> prescriptions, LocalDate today, int noticeDays) {
        if (noticeDays < 0) {
            throw new IllegalArgumentException("noticeDays must not be negative: " + noticeDays);
        }
        Map<UUID, Map<Disease, List<Prescription>>> byPerson = new LinkedHashMap<>();
        for (Prescription prescription : prescriptions) {
            byPerson.computeIfAbsent(prescription.residentId(), id -> new java.util.EnumMap<>(Disease.class))
                    .computeIfAbsent(prescription.disease(), disease -> new ArrayList<>())
                    .add(prescription);
        }
        List<Reminder> reminders = new ArrayList<>();
        byPerson.forEach((person, byDisease) -> byDisease.forEach((disease, ofDisease) ->
                reminders.addAll(forDisease(person, disease, ofDisease, today, noticeDays))));
        return reminders;
    }

    private static List<Reminder> forDisease(UUID person, Disease disease, List<Prescription> prescriptions,
                                             LocalDate today, int noticeDays) {
        Optional<LocalDate> latestDispensing = prescriptions.stream().filter(Prescription::dispensed)
                .map(Prescription::dispensedOn).max(Comparator.naturalOrder());
        // Prescribed before the supply now in hand: superseded, not something to pick up.
        LocalDate notBefore = latestDispensing.flatMap(day -> prescriptions.stream()
                .filter(p -> p.dispensed() && p.dispensedOn().equals(day))
                .map(Prescription::prescribedOn).max(Comparator.naturalOrder())).orElse(LocalDate.MIN);
        List<Prescription> waiting = prescriptions.stream()
                .filter(p -> p.awaitingPickup() && !p.prescribedOn().isBefore(notBefore))
                .sorted(Comparator.comparing(Prescription::prescribedOn).reversed())
                .toList();
        Optional<RefillDue> due = latestDispensing.flatMap(day -> runningOut(person, disease, prescriptions, day, today,
                noticeDays, waiting.stream().findFirst()));
        if (due.isPresent()) {
            return List.of(due.get());
        }
        return waiting.stream().<Reminder>map(p -> new AwaitingPickup(person, disease, p)).toList();
    }

    private static Optional<RefillDue> runningOut(UUID person, Disease disease, List<Prescription> prescriptions,
                                                  LocalDate latestDispensing, LocalDate today, int noticeDays,
                                                  Optional<Prescription> waiting) {
        // Several drugs picked up the same day: the one that runs out first decides.
        Prescription first = prescriptions.stream()
                .filter(p -> p.dispensed() && p.dispensedOn().equals(latestDispensing))
                .min(Comparator.comparing(Prescription::supplyEndsOn))
                .orElseThrow();
        long daysLeft = ChronoUnit.DAYS.between(today, first.supplyEndsOn());
        if (daysLeft < 0 || daysLeft > noticeDays) {
            return Optional.empty();
        }
        return Optional.of(new RefillDue(person, disease, first.drugName(), first.supplyEndsOn(), daysLeft, waiting));
    }
}
