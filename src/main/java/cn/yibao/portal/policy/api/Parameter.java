package cn.yibao.portal.policy.api;

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
    RESIDENCE_PERMIT_SUBSIDY(ValueType.KEYWORD),
    /** Where and how the personal contribution is paid (缴费渠道, 征收部门): {@code item|item|…}, shown as published. */
    PAYMENT_CHANNELS(ValueType.TEXT_LIST),

    // Benefits (待遇). "applies to" is ALL or a facility level where a document distinguishes one.
    /** 住院政策范围内基金支付比例. */
    INPATIENT_FUND_RATIO(ValueType.PERCENT, Topic.BENEFIT),
    /** 住院起付标准. */
    INPATIENT_DEDUCTIBLE(ValueType.AMOUNT, Topic.BENEFIT),
    /** 住院年度最高支付限额. */
    INPATIENT_ANNUAL_CAP(ValueType.AMOUNT, Topic.BENEFIT),
    /** 普通门诊统筹政策范围内支付比例. */
    OUTPATIENT_POOLING_RATIO(ValueType.PERCENT, Topic.BENEFIT),
    /** 普通门诊统筹起付标准. */
    OUTPATIENT_POOLING_DEDUCTIBLE(ValueType.AMOUNT, Topic.BENEFIT),
    /** 普通门诊统筹年度（最高）支付限额. */
    OUTPATIENT_POOLING_CAP(ValueType.AMOUNT, Topic.BENEFIT),
    /** 两病门诊用药政策范围内报销比例. */
    TWO_DISEASE_RATIO(ValueType.PERCENT, Topic.BENEFIT),
    /** 两病门诊用药起付标准. */
    TWO_DISEASE_DEDUCTIBLE(ValueType.AMOUNT, Topic.BENEFIT),
    /** 两病门诊用药年度最高支付限额. */
    TWO_DISEASE_CAP(ValueType.AMOUNT, Topic.BENEFIT),
    /** The day from which two-disease medication is paid by the fund. */
    TWO_DISEASE_COVERAGE_FROM(ValueType.DATE, Topic.BENEFIT),
    /** 长处方 for the two diseases. */
    LONG_PRESCRIPTION(ValueType.KEYWORD, Topic.BENEFIT),
    /**
     * Extension of the two-disease outpatient medication scheme (门诊用药保障机制) beyond hypertension and diabetes
     * (心脑血管疾病).
     */
    CHRONIC_MEDICATION_EXTENSION(ValueType.TEXT_LIST, Topic.BENEFIT),
    /** Diseases a document names for outpatient chronic/special-disease cover (门诊慢特病保障); the list may be open (等). */
    OUTPATIENT_CHRONIC_DISEASES(ValueType.TEXT_LIST, Topic.BENEFIT),
    /** 门诊慢特病政策范围内基金（平均）支付比例. */
    OUTPATIENT_CHRONIC_RATIO(ValueType.PERCENT, Topic.BENEFIT),
    /** Outpatient chronic/special-disease out-of-pocket costs count towards critical-illness insurance (大病保险). */
    CHRONIC_COSTS_COUNT_FOR_CRITICAL_ILLNESS(ValueType.KEYWORD, Topic.BENEFIT),
    /** In-province inpatient compliant reimbursement after the three tiers (三重制度综合保障). */
    THREE_TIER_INPATIENT_RATIO(ValueType.PERCENT, Topic.BENEFIT),
    /** Outpatient chronic/special diseases settled directly out of area (异地就医直接结算). */
    REMOTE_DIRECT_SETTLEMENT_DISEASES(ValueType.DISEASES, Topic.BENEFIT);

    public enum ValueType { AMOUNT, AMOUNT_OR_FULL, DATE_RANGE, PERIOD, KEYWORD, PERCENT, DATE, TEXT_LIST, DISEASES }

    /** Contribution figures decide which years can be quoted and paid; benefit figures never do. */
    public enum Topic { CONTRIBUTION, BENEFIT }

    private final ValueType valueType;
    private final Topic topic;

    Parameter(ValueType valueType) {
        this(valueType, Topic.CONTRIBUTION);
    }

    Parameter(ValueType valueType, Topic topic) {
        this.valueType = valueType;
        this.topic = topic;
    }

    public ValueType valueType() {
        return valueType;
    }

    public Topic topic() {
        return topic;
    }
}
