package cn.yibao.portal.upstream.domain;

import cn.yibao.portal.shared.NationalId;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed access to one line's values. Each accessor returns the value, or {@code null} after noting a problem for
 * the field, so that one pass over a line reports every field that is wrong rather than only the first.
 */
final class Fields {

    static final int MAX_TEXT = 128;

    // Compiled once: a batch checks them on every line.
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern FEN = Pattern.compile("\\d{1,15}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private final RawLine line;
    private final LocalDate today;
    private final Predicate<String> knownRegion;
    private final List<LineProblem> problems;
    private final int problemsBefore;

    Fields(RawLine line, LocalDate today, Predicate<String> knownRegion, List<LineProblem> problems) {
        this.line = line;
        this.today = today;
        this.knownRegion = knownRegion;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    /** True when no accessor has found a problem on this line. */
    boolean valid() {
        return problems.size() == problemsBefore;
    }

    int line() {
        return line.line();
    }

    boolean present(String field) {
        String value = line.values().get(field);
        return value != null && !value.isBlank();
    }

    String text(String field, int maxLength) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            return problem(field, Phrase.of("upstream.problem.tooLong", maxLength));
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return problem(field, Phrase.of("upstream.problem.control"));
        }
        return value;
    }

    /** A record number (结算单号, 处方编号…): letters, digits and - _ only, so that it can be compared exactly. */
    String identifier(String field) {
        String value = text(field, 40);
        if (value != null && !IDENTIFIER.matcher(value).matches()) {
            return problem(field, Phrase.of("upstream.problem.identifier"));
        }
        return value;
    }

    String optionalIdentifier(String field) {
        return present(field) ? identifier(field) : null;
    }

    NationalId certno() {
        String value = raw("certno");
        if (value == null) {
            return null;
        }
        Phrase problem = NationalId.problem(value);
        return problem == null ? NationalId.parse(value).orElseThrow()
                : problem("certno", Phrase.of("upstream.problem.certno", problem));
    }

    /** A business date that has happened: ISO, and not after the business date. */
    LocalDate pastDate(String field) {
        LocalDate date = date(field);
        if (date != null && date.isAfter(today)) {
            return problem(field, Phrase.of("upstream.problem.future", date, today));
        }
        return date;
    }

    LocalDate optionalPastDate(String field) {
        return present(field) ? pastDate(field) : null;
    }

    /** Any ISO date (a benefit period may end in the future). */
    LocalDate date(String field) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        try {
            if (!ISO_DATE.matcher(value).matches()) {
                throw new DateTimeParseException("not ISO", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return problem(field, Phrase.of("upstream.problem.date"));
        }
    }

    /** Money in fen: a non-negative whole number. */
    Long fen(String field) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        if (!FEN.matcher(value).matches()) {
            return problem(field, Phrase.of("upstream.problem.fen"));
        }
        return Long.parseLong(value);
    }

    Integer integer(String field, int min, int max) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(value).matches() || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            return problem(field, Phrase.of("upstream.problem.integer", min, max));
        }
        return Integer.parseInt(value);
    }

    Boolean bool(String field) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> problem(field, Phrase.of("upstream.problem.boolean"));
        };
    }

    <E extends Enum<E>> E choice(String field, Class<E> type) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return problem(field, Phrase.of("upstream.problem.choice",
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }

    /** A 6-digit administrative division code the portal knows (GB/T 2260). */
    String region(String field) {
        String value = raw(field);
        if (value == null) {
            return null;
        }
        if (!REGION_CODE.matcher(value).matches() || !knownRegion.test(value)) {
            return problem(field, Phrase.of("upstream.problem.region"));
        }
        return value;
    }

    /** Notes a problem that involves several fields (the cross-field rules). */
    <T> T problem(String field, Phrase reason) {
        problems.add(new LineProblem(line.line(), field, reason));
        return null;
    }

    private String raw(String field) {
        String value = line.values().get(field);
        if (value == null || value.isBlank()) {
            return problem(field, Phrase.of("upstream.problem.missing"));
        }
        return value.strip();
    }
}
