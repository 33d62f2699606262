package cn.yibao.portal.support;

import cn.yibao.portal.shared.NationalId;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Made-up residents that no other test uses, with valid GB 11643 ID numbers: tests that pay or file for someone
 * need a person of their own, since all tests share one database.
 */
public final class FreshResidents {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 500));

    private FreshResidents() {
    }

    /** Claims JSON for the sandbox issuer's sign-in form: an adult born 1980 in the given region. */
    public static String adultIn(String region, String name) {
        return claims(region, "19800101", name);
    }

    public static String claims(String region, String birthDate, String name) {
        String first17 = region + birthDate + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
        String certno = first17 + NationalId.checkCharacter(first17);
        return "{\"name\":\"" + name + "\",\"certno\":\"" + certno + "\",\"insuplc_admdvs\":\"" + region
                + "\",\"psn_no\":\"T" + certno + "\"}";
    }
}
