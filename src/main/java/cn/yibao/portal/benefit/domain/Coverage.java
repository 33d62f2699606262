package cn.yibao.portal.benefit.domain;

import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;

/** Whether a person is covered in a benefit year, and if not, why and whether they can fix it here. */
public sealed interface Coverage {

    int benefitYear();

    /**
     * One word for pages and the API: COVERED, NOT_STARTED or ENDED (paid, by where today falls),
     * COVERED_BY_SETTLEMENTS, or why not covered (NOT_PAID, PAYMENT_PENDING, REGION_NOT_SUPPORTED).
     */
    String status();

    /** Whether the person is insured in the year, as far as the records show. */
    default boolean insured() {
        return !(this instanceof NotCovered);
    }

    /** Where the paid record comes from: paid on this portal, or collected elsewhere and reported upstream. */
    enum Source { PORTAL, UPSTREAM }

    /** Where today falls in the benefit period. */
    enum Phase { NOT_STARTED, IN_FORCE, ENDED }

    enum Why {
        /** Nothing paid for the year. */
        NOT_PAID,
        /** An order was opened here and waits for payment. */
        PAYMENT_PENDING,
        /** The insured region is not served by this portal. */
        REGION_NOT_SUPPORTED
    }

    record Covered(int benefitYear, LocalDate start, LocalDate end, Phase phase, Source source, LocalDate paidOn,
                   long paidFen, String collector) implements Coverage {

        @Override
        public String status() {
            return phase == Phase.IN_FORCE ? "COVERED" : phase.name();
        }

        /** Later than 1 January: a late enrolment or a newly enrolled student (from the contribution rules). */
        public boolean lateStart() {
            return start.isAfter(LocalDate.of(benefitYear, 1, 1));
        }
    }

    /**
     * No contribution record has reached the portal, but the fund paid settlements in the year, which it does only
     * for insured people: covered, with the period unknown here (the record has not been synchronised yet).
     */
    record ShownBySettlements(int benefitYear, LocalDate firstSettledOn) implements Coverage {

        @Override
        public String status() {
            return "COVERED_BY_SETTLEMENTS";
        }

        public Phrase detail() {
            return Phrase.of("benefit.coverage.bySettlements.api", firstSettledOn);
        }
    }

    /**
     * {@code payHere}: the portal can take the payment now (the link to pay is offered); {@code detail} says why not
     * otherwise (window closed, region not served…).
     */
    record NotCovered(int benefitYear, Why why, boolean payHere, Phrase detail) implements Coverage {

        @Override
        public String status() {
            return why.name();
        }
    }
}
