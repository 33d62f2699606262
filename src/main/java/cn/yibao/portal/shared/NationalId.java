package cn.yibao.portal.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A citizen identity number (公民身份号码, GB 11643-1999): 6-digit region of birth registration, 8-digit birth
 * date, 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
 *
 * <p>{@link #toString()} is masked on purpose so that the full number cannot reach a log line by accident.
 */
public final class NationalId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();

    private final String value;

    private NationalId(String value) {
        this.value = value;
    }

    /** The number, or why it is not one. Lower-case x is accepted and normalised. */
    public static Optional<NationalId> parse(String candidate) {
        return problem(candidate) == null
                ? Optional.of(new NationalId(candidate.strip().toUpperCase()))
                : Optional.empty();
    }

    /**
     * What a person typed, as the 18 characters it stands for: full-width digits and Ｘ become ASCII, a lower-case x
     * upper-case, and the spaces or hyphens people group the number with (6-8-4, 6 8 4, pasted with a line break or a
     * full-width space) are dropped. Nothing else is changed, so anything that is not a number stays refused by
     * {@link #problem}. {@code null} stays {@code null}.
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(typed.length(), 64));
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19') {
                out.append((char) ('0' + (c - '\uFF10')));
            } else if (c == 'x' || c == '\uFF38' || c == '\uFF58') {
                out.append('X');
            } else if (!isSeparator(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** White space (ASCII, no-break, full-width) and the hyphens and dashes people group a number with. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00A0' || c == '\u3000' || c == '\u2007'
                || c == '\u202F' || c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013'
                || c == '\u2014' || c == '\uFF0D' || c == '\u2212';
    }

    /** The number as typed by a person ({@link #normalise}), or empty when it is not a valid number. */
    public static Optional<NationalId> fromTyped(String typed) {
        return parse(normalise(typed));
    }

    /**
     * What is wrong with the candidate ({@code nationalId.problem.*}), or {@code null} when it is valid; said in a
     * sentence such as "电子凭证中的{0}" or on its own.
     */
    public static Phrase problem(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return Phrase.of("nationalId.problem.missing");
        }
        String id = candidate.strip().toUpperCase();
        if (!id.matches("\\d{17}[\\dX]")) {
            return Phrase.of("nationalId.problem.format");
        }
        if (birthDateOf(id).isEmpty()) {
            return Phrase.of("nationalId.problem.birthDate");
        }
        if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
            return Phrase.of("nationalId.problem.checkCharacter");
        }
        return null;
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static Optional<LocalDate> birthDateOf(String id) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    /** The full number: only for encryption and keyed hashing, never for display or logs. */
    public String value() {
        return value;
    }

    /** First 3 and last 4 characters shown, e.g. {@code 142***********1234}. */
    public String masked() {
        return PersonalDataMasks.maskIdNumber(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NationalId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
