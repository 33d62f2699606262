package cn.yibao.portal.prescription;

import cn.yibao.portal.clock.BusinessClock;
import cn.yibao.portal.database.InTurn;
import cn.yibao.portal.prescription.domain.Prescription;
import cn.yibao.portal.prescription.domain.Qualification;
import cn.yibao.portal.prescription.domain.RefillReminders;
import cn.yibao.portal.prescription.domain.Reimbursement;
import cn.yibao.portal.prescription.domain.SettledBill;
import cn.yibao.portal.prescription.domain.TwoDiseaseSpending;
import cn.yibao.portal.qrcode.Codes;
import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.api.Resident;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The two-disease records a resident may see — their own and their bound minors' — read from the upstream tables,
 * with what the rules in the domain package make of them (supply end, reimbursement, spending, reminders).
 */
@Service
public class Prescriptions {

    private final PrescriptionRepository records;
    private final Family family;
    private final BusinessClock clock;
    private final Codes codes;
    private final ObjectProvider<TwoDiseaseAllowance> allowances;
    private final int refillNoticeDays;
    private final Duration pickupCodeLifetime;

    Prescriptions(PrescriptionRepository records, Family family, BusinessClock clock, Codes codes,
                  ObjectProvider<TwoDiseaseAllowance> allowances,
                  @Value("${portal.prescription.refill-notice-days:7}") int refillNoticeDays,
                  @Value("${portal.prescription.pickup-code-lifetime:P1D}") Duration pickupCodeLifetime) {
        if (refillNoticeDays < 0) {
            throw new IllegalStateException("portal.prescription.refill-notice-days must not be negative");
        }
        this.records = records;
        this.family = family;
        this.clock = clock;
        this.codes = codes;
        this.allowances = allowances;
        this.refillNoticeDays = refillNoticeDays;
        this.pickupCodeLifetime = pickupCodeLifetime;
    }

    /** A prescription with what was settled for it. */
    public record Entry(Prescription prescription, Reimbursement reimbursement, List<SettledBill> bills) {
    }

    /** One person's records; {@code allowance} is empty when the benefit rules have nothing to say. */
    public record PersonRecords(Resident person, boolean self, List<Qualification> qualifications, List<Entry> entries,
                                long usedFundFen, Optional<TwoDiseaseAllowance.Allowance> allowance) {
    }

    public record Overview(int benefitYear, int refillNoticeDays, List<PersonRecords> people,
                           List<Reminder> reminders) {
    }

    /** The prescription found for the resident, and whose it is. */
    public record Found(Resident person, boolean self, Entry entry) {
    }

    /** The resident first, then the minors bound to them (adults see their own records with their own sign-in). */
    public Mono<List<Resident>> peopleOf(Resident me) {
        return family.boundMinors(me).collectList().map(minors -> {
            List<Resident> people = new ArrayList<>();
            people.add(me);
            people.addAll(minors);
            return people;
        });
    }

    public Mono<Overview> overviewFor(Resident me) {
        int year = TwoDiseaseSpending.benefitYearOn(clock.today());
        return peopleOf(me).flatMap(people -> {
            List<UUID> ids = people.stream().map(Resident::id).toList();
            return InTurn.zip(records.qualificationsOf(ids).collectList(), records.prescriptionsOf(ids).collectList(),
                            records.twoDiseaseBillsOf(ids).collectList())
                    .flatMap(loaded -> Flux.fromIterable(people)
                            .concatMap(person -> recordsOf(person, person.id().equals(me.id()), year, loaded.getT1(),
                                    loaded.getT2(), loaded.getT3()))
                            .collectList()
                            .map(all -> new Overview(year, refillNoticeDays, all,
                                    reminders(me, people, loaded.getT2()))));
        });
    }

    private Mono<PersonRecords> recordsOf(Resident person, boolean self, int year, List<Qualification> qualifications,
                                          List<Prescription> prescriptions, List<SettledBill> bills) {
        List<Entry> entries = prescriptions.stream().filter(p -> p.residentId().equals(person.id()))
                .map(p -> entry(p, bills)).toList();
        long used = TwoDiseaseSpending.usedFundFen(person.id(), year, bills);
        return allowanceOf(person, year, used).map(allowance -> new PersonRecords(person, self,
                qualifications.stream().filter(q -> q.residentId().equals(person.id())).toList(), entries, used,
                allowance));
    }

    private Mono<Optional<TwoDiseaseAllowance.Allowance>> allowanceOf(Resident person, int year, long used) {
        TwoDiseaseAllowance rules = allowances.getIfAvailable();
        if (rules == null) {
            return Mono.just(Optional.empty());
        }
        return rules.of(person, year, used).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static Entry entry(Prescription prescription, List<SettledBill> bills) {
        return new Entry(prescription, Reimbursement.of(prescription, bills), Reimbursement.linked(prescription, bills));
    }

    /** The prescription if it is the resident's or a bound minor's; empty otherwise (callers answer 404). */
    public Mono<Found> findFor(Resident me, UUID id) {
        return peopleOf(me).flatMap(people -> records.find(id).flatMap(prescription -> Mono.justOrEmpty(people.stream()
                        .filter(person -> person.id().equals(prescription.residentId())).findFirst())
                .flatMap(person -> records.twoDiseaseBillsOf(List.of(person.id())).collectList()
                        .map(bills -> new Found(person, person.id().equals(me.id()), entry(prescription, bills))))));
    }

    /**
     * A fresh pickup code for a prescription waiting at the pharmacy (a new one on every view); empty once it has
     * been picked up.
     */
    public Optional<Codes.IssuedCode> pickupCode(Prescription prescription) {
        if (!prescription.awaitingPickup()) {
            return Optional.empty();
        }
        return Optional.of(codes.issue(CodePurpose.PRESCRIPTION, prescription.id(), pickupCodeLifetime));
    }

    /** Refill and pickup reminders for the resident and their bound minors, with whom each is about. */
    public Mono<List<Reminder>> remindersFor(Resident me) {
        return family.boundMinors(me).collectList().flatMap(minors -> remindersFor(me, minors));
    }

    /** The same for a resident whose bound minors the caller has already read. */
    public Mono<List<Reminder>> remindersFor(Resident me, List<Resident> boundMinors) {
        List<Resident> people = new ArrayList<>();
        people.add(me);
        people.addAll(boundMinors);
        return records.prescriptionsOf(people.stream().map(Resident::id).toList()).collectList()
                .map(prescriptions -> reminders(me, people, prescriptions));
    }

    /** The resident's own reminders first, then each minor's, in the order of {@code people}. */
    private List<Reminder> reminders(Resident me, List<Resident> people, List<Prescription> prescriptions) {
        List<RefillReminders.Reminder> all = RefillReminders.of(prescriptions, clock.today(), refillNoticeDays);
        List<Reminder> ordered = new ArrayList<>();
        for (Resident person : people) {
            all.stream().filter(reminder -> reminder.personId().equals(person.id()))
                    .map(reminder -> new Reminder(person, person.id().equals(me.id()), reminder))
                    .forEach(ordered::add);
        }
        return ordered;
    }

    public record Reminder(Resident person, boolean self, RefillReminders.Reminder reminder) {
    }

    /** For code verification: the prescription behind a code, whoever's it is. */
    Mono<Prescription> find(UUID id) {
        return records.find(id);
    }
}
