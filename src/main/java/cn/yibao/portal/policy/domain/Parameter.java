package cn.yibao.portal.policy.domain;

/** The kinds of figure and rule the policy catalog holds (see {@code policy/README.md} for each value format). */
public enum Parameter {
    PERSONAL_CONTRIBUTION(ValueType.AMOUNT),
    FISCAL_SUBSIDY(ValueType.AMOUNT),
    TOTAL_FUNDING(ValueType.AMOUNT),
    ASSISTANCE(ValueType.AMOUNT_OR_FULL),
    ADD_ON(ValueType.AMOUNT),
    COLLECTION_WINDOW(ValueType.DATE_RANGE),
    NEW_STUDENT_CONTRIBUTION(ValueType.AMOUNT),
    NEW_STUDENT_BENEFIT_PERIOD(ValueType.DATE_RANGE),
    LEFT_OTHER_SCHEME_GRACE(ValueType.PERIOD),
    LEFT_OTHER_SCHEME_BENEFIT_START(ValueType.KEYWORD),
    MOVED_IN_BENEFIT_START(ValueType.KEYWORD),
    NEWBORN_ENROLMENT(ValueType.KEYWORD),
    RESIDENCE_PERMIT_SUBSIDY(ValueType.KEYWORD);

    public enum ValueType { AMOUNT, AMOUNT_OR_FULL, DATE_RANGE, PERIOD, KEYWORD }

    private final ValueType valueType;

    Parameter(ValueType valueType) {
        this.valueType = valueType;
    }

    public ValueType valueType() {
        return valueType;
    }
}
