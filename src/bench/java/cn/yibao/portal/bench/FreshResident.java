package cn.yibao.portal.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Made-up residents of 文水县 (141121) for order creation, one per request, with valid GB 11643 ID numbers so that the
 * portal takes them for real people. Number {@code i} is born on day {@code i / 900} after 1960-01-01 with sequence
 * {@code 100 + i % 900}: distinct for hundreds of thousands, all adults.
 */
record FreshResident(String login, String claimsJson) {

    static final String REGION = "141121";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    static FreshResident number(int i) {
        String first17 = REGION + BIRTH.format(LocalDate.of(1960, 1, 1).plusDays(i / 900)) + (100 + i % 900);
        String certno = first17 + checkCharacter(first17);
        String claims = "{\"name\":\"测试" + i + "\",\"certno\":\"" + certno + "\",\"insuplc_admdvs\":\"" + REGION
                + "\",\"psn_no\":\"B" + certno + "\"}";
        return new FreshResident("bench-" + i, claims);
    }

    /** The GB 11643 check character of the first 17 characters. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
