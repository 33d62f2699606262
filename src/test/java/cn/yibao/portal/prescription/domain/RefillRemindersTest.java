package cn.yibao.portal.prescription.domain;

import static cn.yibao.portal.prescription.domain.Rx.PATIENT;
import static cn.yibao.portal.prescription.domain.Rx.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yibao.portal.prescription.api.Disease;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Refill (续方) when the latest supply runs out within the notice period; pickup when a new one waits. Today 2023-10-15. */
class RefillRemindersTest {

    private static final int NOTICE_DAYS = 7;

    private static List<RefillReminders.Reminder> remind(Prescription... prescriptions) {
        return RefillReminders.of(List.of(prescriptions), TODAY, NOTICE_DAYS);
    }

    @ParameterizedTest(name = "a 28-day supply picked up {0} ends {1}: reminded = {2}")
    @CsvSource(textBlock = """
            2023-09-20, 2023-10-17, true
            2023-09-25, 2023-10-22, true
            2023-09-26, 2023-10-23, false
            2023-09-18, 2023-10-15, true
            2023-09-17, 2023-10-14, false
            """)
    void theLatestSupplyIsAnnouncedFromSevenDaysBeforeItRunsOutUntilItsLastDay(LocalDate pickedUp, LocalDate end,
                                                                              boolean reminded) {
        List<RefillReminders.Reminder> reminders = remind(Rx.dispensedOn(pickedUp).days(28).build());

        if (reminded) {
            assertThat(reminders).singleElement().isEqualTo(new RefillReminders.RefillDue(PATIENT,
                    Disease.HYPERTENSION, "氨氯地平片", end, end.toEpochDay() - TODAY.toEpochDay(), Optional.empty()));
        } else {
            assertThat(reminders).isEmpty();
        }
    }

    @Test
    void aSettledPrescriptionWasPickedUpTooAndCounts() {
        assertThat(remind(Rx.dispensedOn(LocalDate.of(2023, 9, 20)).settled().build()))
                .singleElement().isInstanceOf(RefillReminders.RefillDue.class);
    }

    @Test
    void onlyTheLatestSupplyMatters() {
        Prescription older = Rx.dispensedOn(LocalDate.of(2023, 9, 20)).build();  // ends 2023-10-17
        Prescription newer = Rx.dispensedOn(LocalDate.of(2023, 10, 10)).build(); // ends 2023-11-06

        assertThat(remind(older, newer)).isEmpty();
    }

    @Test
    void aRunningOutSupplyWhoseNewPrescriptionIsAlreadyIssuedPointsToThePharmacyInOneReminder() {
        Prescription inHand = Rx.dispensedOn(LocalDate.of(2023, 9, 20)).build();
        Prescription older = Rx.issuedOn(LocalDate.of(2023, 10, 12)).build();
        Prescription waiting = Rx.issuedOn(LocalDate.of(2023, 10, 14)).build();

        assertThat(remind(inHand, older, waiting)).containsExactly(new RefillReminders.RefillDue(PATIENT,
                Disease.HYPERTENSION, "氨氯地平片", LocalDate.of(2023, 10, 17), 2, Optional.of(waiting)));
    }

    @Test
    void aNewPrescriptionWaitingWhileTheSupplyLastsIsAnnouncedOnItsOwn() {
        Prescription inHand = Rx.dispensedOn(LocalDate.of(2023, 10, 10)).build();
        Prescription waiting = Rx.issuedOn(LocalDate.of(2023, 10, 14)).build();

        assertThat(remind(inHand, waiting)).containsExactly(
                new RefillReminders.AwaitingPickup(PATIENT, Disease.HYPERTENSION, waiting));
    }

    @Test
    void anIssuedPrescriptionIsAwaitedEvenWithoutAnySupplyYet() {
        Prescription first = Rx.issuedOn(TODAY).build();

        assertThat(remind(first)).containsExactly(new RefillReminders.AwaitingPickup(PATIENT, Disease.HYPERTENSION, first));
    }

    @Test
    void anIssuedPrescriptionOlderThanTheSupplyInHandWasSupersededAndIsNotAwaited() {
        Prescription stale = Rx.issuedOn(LocalDate.of(2023, 9, 1)).build();
        Prescription inHand = Rx.dispensedOn(LocalDate.of(2023, 9, 20)).build();

        assertThat(remind(stale, inHand)).singleElement().isInstanceOf(RefillReminders.RefillDue.class);
    }

    @Test
    void eachDiseaseIsRemindedOnItsOwn() {
        Prescription pressure = Rx.dispensedOn(LocalDate.of(2023, 9, 20)).build();
        Prescription sugar = Rx.dispensedOn(LocalDate.of(2023, 10, 10)).disease(Disease.DIABETES).drug("二甲双胍片").build();

        assertThat(remind(pressure, sugar)).singleElement()
                .extracting(RefillReminders.Reminder::disease).isEqualTo(Disease.HYPERTENSION);
    }

    @Test
    void ofSeveralDrugsPickedUpTogetherTheOneThatRunsOutFirstIsNamed() {
        Prescription longer = Rx.dispensedOn(LocalDate.of(2023, 9, 20)).days(30).drug("缬沙坦胶囊").build();
        Prescription shorter = Rx.dispensedOn(LocalDate.of(2023, 9, 20)).days(27).drug("氨氯地平片").build();

        assertThat(remind(longer, shorter)).singleElement().isEqualTo(new RefillReminders.RefillDue(PATIENT,
                Disease.HYPERTENSION, "氨氯地平片", LocalDate.of(2023, 10, 16), 1, Optional.empty()));
    }

    @Test
    void eachPersonIsRemindedAboutTheirOwnMedicine() {
        UUID child = UUID.randomUUID();
        Prescription parents = Rx.dispensedOn(LocalDate.of(2023, 10, 10)).build();
        Prescription childs = Rx.dispensedOn(LocalDate.of(2023, 9, 20)).of(child).disease(Disease.DIABETES).build();

        assertThat(remind(parents, childs)).singleElement()
                .extracting(RefillReminders.Reminder::personId).isEqualTo(child);
    }

    @Test
    void withNoNoticeDaysOnlyTheLastDayIsAnnounced() {
        Prescription lastDay = Rx.dispensedOn(LocalDate.of(2023, 9, 18)).build();
        Prescription tomorrow = Rx.dispensedOn(LocalDate.of(2023, 9, 19)).disease(Disease.DIABETES).build();

        assertThat(RefillReminders.of(List.of(lastDay, tomorrow), TODAY, 0)).singleElement()
                .extracting(RefillReminders.Reminder::disease).isEqualTo(Disease.HYPERTENSION);
        assertThatThrownBy(() -> RefillReminders.of(List.of(), TODAY, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
