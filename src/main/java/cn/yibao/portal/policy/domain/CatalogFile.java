package cn.yibao.portal.policy.domain;

import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.policy.api.FigureKind;
import cn.yibao.portal.policy.api.Parameter;
import cn.yibao.portal.policy.api.PolicyFigure;
import cn.yibao.portal.shared.DateRange;
import cn.yibao.portal.shared.Money;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parses one catalog file ({@code documents/*.csv}, format in {@code policy/README.md}) and checks every line:
 * known region, known parameter, value of the right type, no negative amount, a citation. Problems name the file
 * and line, so that a bad edit stops the start with a message an operator can act on.
 */
public final class CatalogFile {

    private static final Set<String> KEYWORDS = Set.of("DAY_AFTER_PAYMENT", "FIRST_DAY_OF_NEXT_MONTH", "AT_BIRTH",
            "SAME_AS_LOCAL", PolicyFigure.YES);

    /** Value types whose figure can be a floor, ceiling, target or average; the others are rules or lists. */
    private static final Set<Parameter.ValueType> NUMERIC = Set.of(Parameter.ValueType.AMOUNT,
            Parameter.ValueType.AMOUNT_OR_FULL, Parameter.ValueType.PERCENT);

    /** A date the source document does not state. */
    private static final String NOT_STATED = "-";

    private CatalogFile() {
    }

    public record Parsed(PolicyDocument document, List<PolicyFigure> figures, List<String> problems) {
    }

    public static Parsed parse(String fileName, List<String> lines, Predicate<String> knownRegion) {
        List<String> problems = new ArrayList<>();
        List<PolicyFigure> figures = new ArrayList<>();
        PolicyDocument document = null;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = fileName + " line " + (index + 1) + ": ";
            String[] fields = line.split(",", -1);
            try {
                if (document == null) {
                    document = document(fields, knownRegion);
                } else if ("document".equals(fields[0])) {
                    throw new IllegalArgumentException("only one document per file");
                } else {
                    figures.add(figure(fields, document, knownRegion));
                }
            } catch (RuntimeException e) {
                problems.add(where + e.getMessage());
            }
        }
        if (document == null && problems.isEmpty()) {
            problems.add(fileName + ": no document line");
        }
        return new Parsed(document, List.copyOf(figures), List.copyOf(problems));
    }

    private static PolicyDocument document(String[] fields, Predicate<String> knownRegion) {
        if (fields.length != 7 || !"document".equals(fields[0])) {
            throw new IllegalArgumentException("the first line must be document,<document number>,<title>,<issuer>,<date>,<region>,<seed file>");
        }
        requireText(fields[1], "document number");
        requireRegion(fields[5], knownRegion);
        String issuedOn = fields[4].strip();
        return new PolicyDocument(fields[1].strip(), fields[2].strip(), fields[3].strip(),
                NOT_STATED.equals(issuedOn) ? null : LocalDate.parse(issuedOn), fields[5].strip(), fields[6].strip());
    }

    private static PolicyFigure figure(String[] fields, PolicyDocument document, Predicate<String> knownRegion) {
        if (fields.length != 8 && fields.length != 10) {
            throw new IllegalArgumentException("expected 8 fields (10 for ADD_ON), found " + fields.length);
        }
        Parameter parameter = enumValue(Parameter.class, fields[0], "parameter");
        int benefitYear = Integer.parseInt(fields[1].strip());
        String region = fields[2].strip();
        requireRegion(region, knownRegion);
        String appliesTo = requireText(fields[3], "applies-to");
        String value = requireText(fields[4], "value");
        FigureKind kind = enumValue(FigureKind.class, fields[5], "kind");
        String clause = requireText(fields[6], "clause (the citation)");
        String name = fields.length == 10 ? fields[8].strip() : null;
        String payee = fields.length == 10 ? fields[9].strip() : null;
        checkValue(parameter, value, kind);
        checkAppliesTo(parameter, appliesTo);
        if (parameter == Parameter.ADD_ON && (name == null || name.isEmpty() || payee == null || payee.isEmpty())) {
            throw new IllegalArgumentException("ADD_ON needs a name and a payee");
        }
        return new PolicyFigure(parameter, benefitYear, region, appliesTo, value, kind,
                new Citation(document.number(), clause, region), fields[7].strip(), name, payee);
    }

    private static void checkValue(Parameter parameter, String value, FigureKind kind) {
        if (kind == FigureKind.LOCAL_CHOICE) {
            if (!"-".equals(value)) {
                throw new IllegalArgumentException("a LOCAL_CHOICE has no figure: write - as its value");
            }
            return;
        }
        if (kind != FigureKind.EXACT && !NUMERIC.contains(parameter.valueType())) {
            throw new IllegalArgumentException(kind + " needs a number; " + parameter + " is EXACT or LOCAL_CHOICE");
        }
        switch (parameter.valueType()) {
            case AMOUNT -> Money.fenFromYuan(value);
            case AMOUNT_OR_FULL -> {
                if (!PolicyFigure.FULL.equals(value)) {
                    Money.fenFromYuan(value);
                }
            }
            case DATE_RANGE -> DateRange.parse(value);
            case PERIOD -> {
                if (Period.parse(value).isNegative()) {
                    throw new IllegalArgumentException("period must not be negative: " + value);
                }
            }
            case KEYWORD -> {
                if (!KEYWORDS.contains(value)) {
                    throw new IllegalArgumentException("unknown value " + value + " for " + parameter);
                }
            }
            case PERCENT -> PolicyFigure.parsePercent(value);
            case DATE -> LocalDate.parse(value);
            case TEXT_LIST -> PolicyFigure.parseItems(value);
            case DISEASES -> PolicyFigure.parseDiseases(value);
        }
    }

    private static final Set<String> CATEGORIES = Set.of("ALL", "ADULT", "MINOR", "COLLEGE_STUDENT");
    private static final Set<String> ASSISTED_GROUPS = Set.of("EXTREME_POVERTY", "MINIMUM_LIVING", "RELAPSED_POVERTY",
            "MONITORED");
    /** Facility levels (基层 / 二级 / 三级), as the benefit module's FacilityLevel names them. */
    private static final Set<String> BY_FACILITY_LEVEL = Set.of("ALL", "PRIMARY", "SECONDARY", "TERTIARY");

    /** A typo here would silently hide a figure (the lookup would fall back to a higher level): refuse it. */
    private static void checkAppliesTo(Parameter parameter, String appliesTo) {
        boolean known = switch (parameter) {
            case PERSONAL_CONTRIBUTION -> CATEGORIES.contains(appliesTo) || appliesTo.matches("ADULT/GRADE_\\d");
            case NEW_STUDENT_CONTRIBUTION, NEW_STUDENT_BENEFIT_PERIOD -> CATEGORIES.contains(appliesTo);
            // ALL: a document that speaks of assisted enrolment for every group at once (e.g. "优化分类资助参保政策").
            case ASSISTANCE -> ASSISTED_GROUPS.contains(appliesTo) || "ALL".equals(appliesTo);
            case ADD_ON -> appliesTo.matches("[A-Z_]+");
            case INPATIENT_FUND_RATIO, INPATIENT_DEDUCTIBLE, OUTPATIENT_POOLING_RATIO, OUTPATIENT_POOLING_DEDUCTIBLE,
                 TWO_DISEASE_RATIO, TWO_DISEASE_DEDUCTIBLE -> BY_FACILITY_LEVEL.contains(appliesTo);
            case THREE_TIER_INPATIENT_RATIO -> "LOW_INCOME_RURAL".equals(appliesTo);
            case REMOTE_DIRECT_SETTLEMENT_DISEASES -> "CROSS_PROVINCE".equals(appliesTo)
                    || "IN_PROVINCE".equals(appliesTo);
            default -> "ALL".equals(appliesTo);
        };
        if (!known) {
            throw new IllegalArgumentException("unknown applies-to '" + appliesTo + "' for " + parameter);
        }
    }

    private static String requireText(String field, String what) {
        String text = field.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return text;
    }

    private static void requireRegion(String code, Predicate<String> knownRegion) {
        if (!knownRegion.test(code.strip())) {
            throw new IllegalArgumentException("unknown region " + code.strip());
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String what) {
        try {
            return Enum.valueOf(type, field.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + field.strip() + "'");
        }
    }
}
