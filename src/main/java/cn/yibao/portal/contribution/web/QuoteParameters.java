package cn.yibao.portal.contribution.web;

import cn.yibao.portal.contribution.QuoteQuery;
import cn.yibao.portal.contribution.domain.Enrolment;
import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.PhraseLists;
import cn.yibao.portal.web.RequestValues;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Reads the quote parameters of {@code GET /api/v1/policy/quote} and the public calculator page. Anything malformed
 * is refused with the parameter's name and a message (a {@link Phrase}); nothing is guessed.
 */
final class QuoteParameters {

    private QuoteParameters() {
    }

    sealed interface Parsed permits Valid, Invalid {
    }

    record Valid(QuoteQuery query) implements Parsed {
    }

    record Invalid(String parameter, Phrase message) implements Parsed {
    }

    /** Thrown inside parsing only; turned into {@link Invalid}. */
    private static final class Bad extends RuntimeException {
        final String parameter;
        final Phrase message;

        Bad(String parameter, Phrase message) {
            super(message.key(), null, false, false);
            this.parameter = parameter;
            this.message = message;
        }
    }

    static Parsed parse(Function<String, String> parameters, LocalDate today) {
        try {
            String region = required(parameters, "region");
            if (!region.matches("\\d{6}")) {
                throw new Bad("region", Phrase.of("quote.parameter.region"));
            }
            int year = year(required(parameters, "year"));
            Enrolment enrolment = enumValue(Enrolment.class, parameters, "enrolment", Enrolment.REGULAR);
            // A newborn is a minor: without a category the newborn route asks for one (an explicit adult is refused).
            Category category = enumValue(Category.class, parameters, "category",
                    enrolment == Enrolment.NEWBORN ? Category.MINOR : Category.ADULT);
            AssistanceStatus assistance = enumValue(AssistanceStatus.class, parameters, "assistance", AssistanceStatus.NONE);
            Integer grade = grade(parameters.apply("grade"));
            boolean newStudent = bool(parameters, "newStudent");
            LocalDate payDate = date(parameters, "payDate", today);
            LocalDate eventDate = switch (enrolment) {
                case REGULAR -> null;
                case LEFT_OTHER_SCHEME -> requiredDate(parameters, "leftOn");
                case MOVED_IN -> requiredDate(parameters, "movedOn");
                case NEWBORN -> requiredDate(parameters, "birthDate");
            };
            return new Valid(new QuoteQuery(region, year, category, assistance, grade, newStudent, payDate, enrolment,
                    eventDate));
        } catch (Bad bad) {
            return new Invalid(bad.parameter, bad.message);
        }
    }

    private static String required(Function<String, String> parameters, String name) {
        String value = parameters.apply(name);
        if (value == null || value.isBlank()) {
            throw new Bad(name, Phrase.of("quote.parameter.missing", name));
        }
        return value.strip();
    }

    private static int year(String text) {
        if (!text.matches("\\d{4}")) {
            throw new Bad("year", Phrase.of("quote.parameter.year"));
        }
        int year = Integer.parseInt(text);
        if (year < 2000 || year > 2100) {
            throw new Bad("year", Phrase.of("quote.parameter.year.range", year));
        }
        return year;
    }

    private static Integer grade(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("\\d{1,2}")) {
            throw new Bad("grade", Phrase.of("quote.parameter.grade"));
        }
        return Integer.parseInt(text.strip());
    }

    private static boolean bool(Function<String, String> parameters, String name) {
        String value = parameters.apply(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Bad(name, Phrase.of("quote.parameter.boolean", name));
        };
    }

    private static LocalDate date(Function<String, String> parameters, String name, LocalDate fallback) {
        String value = parameters.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return RequestValues.isoDate(value);
        } catch (DateTimeParseException e) {
            throw new Bad(name, Phrase.of("quote.parameter.date", name));
        }
    }

    /** The event date of an enrolment route, named after the event ({@code quote.parameter.event.leftOn}…). */
    private static LocalDate requiredDate(Function<String, String> parameters, String name) {
        String value = parameters.apply(name);
        if (value == null || value.isBlank()) {
            throw new Bad(name, Phrase.of("quote.parameter.event", name, Phrase.of("quote.parameter.event." + name)));
        }
        return date(parameters, name, null);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Function<String, String> parameters, String name,
                                                   E fallback) {
        String value = parameters.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new Bad(name, Phrase.of("quote.parameter.oneOf", name,
                    PhraseLists.series(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        }
    }
}
