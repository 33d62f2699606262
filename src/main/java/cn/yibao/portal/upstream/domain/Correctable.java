package cn.yibao.portal.upstream.domain;

import java.time.LocalDate;

/**
 * A record upstream takes back by sending it again with a date: a contribution withdrawn (退费/作废,
 * {@code withdrawnOn}) or a qualification revoked (撤销认定, {@code revokedOn}). The rest of the record stays as it was.
 */
public interface Correctable {

    /** The day it was taken back, or {@code null} while it counts. */
    LocalDate correctedOn();

    /** The same record taken back on the day ({@code null}: as it was before). */
    UpstreamRecord asCorrectedOn(LocalDate date);

    default boolean corrected() {
        return correctedOn() != null;
    }
}
