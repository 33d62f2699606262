package cn.yibao.portal.prescription.domain;

import cn.yibao.portal.prescription.api.Disease;
import cn.yibao.portal.prescription.api.PrescriptionStatus;
import java.time.LocalDate;
import java.util.UUID;

/** Prescriptions for the rule tests: sensible defaults, and only what a test is about spelled out. */
final class Rx {

    static final LocalDate TODAY = LocalDate.of(2023, 10, 15);
    static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private UUID resident = PATIENT;
    private Disease disease = Disease.HYPERTENSION;
    private String drug = "氨氯地平片";
    private String number = "CF" + UUID.randomUUID().toString().substring(0, 8);
    private int days = 28;
    private boolean longTerm;
    private LocalDate prescribedOn = TODAY.minusDays(20);
    private PrescriptionStatus status = PrescriptionStatus.ISSUED;
    private LocalDate dispensedOn;

    static Rx issuedOn(LocalDate day) {
        Rx rx = new Rx();
        rx.prescribedOn = day;
        return rx;
    }

    /** Prescribed and picked up the same day. */
    static Rx dispensedOn(LocalDate day) {
        Rx rx = issuedOn(day);
        rx.status = PrescriptionStatus.DISPENSED;
        rx.dispensedOn = day;
        return rx;
    }

    Rx pickedUp(LocalDate day) {
        status = PrescriptionStatus.DISPENSED;
        dispensedOn = day;
        return this;
    }

    Rx settled() {
        status = PrescriptionStatus.SETTLED;
        return this;
    }

    Rx days(int value) {
        days = value;
        return this;
    }

    Rx longTerm() {
        longTerm = true;
        return this;
    }

    Rx of(UUID person) {
        resident = person;
        return this;
    }

    Rx disease(Disease value) {
        disease = value;
        return this;
    }

    Rx drug(String value) {
        drug = value;
        return this;
    }

    Rx number(String value) {
        number = value;
        return this;
    }

    Prescription build() {
        return new Prescription(UUID.randomUUID(), number, resident, disease, drug, "5mg×28片", "每日一次，每次1片",
                1, "盒", days, longTerm, "文水县人民医院", "141121", prescribedOn, status, dispensedOn);
    }
}
