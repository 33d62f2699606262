package cn.yibao.portal.qrcode.domain;

/** What a code is for; a code verifies only for the purpose it was issued for. */
public enum CodePurpose {
    RESIDENT(1, "医保码"),
    RECEIPT(2, "缴费凭证"),
    FILING(3, "异地就医备案"),
    PRESCRIPTION(4, "处方取药码"),
    PAY_LINK(5, "缴费码");

    private final int code;
    private final String label;

    CodePurpose(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** RESIDENT and PRESCRIPTION codes say who someone is: only staff may verify them. */
    public boolean staffOnly() {
        return this == RESIDENT || this == PRESCRIPTION;
    }

    static CodePurpose fromCode(int code) {
        for (CodePurpose purpose : values()) {
            if (purpose.code == code) {
                return purpose;
            }
        }
        return null;
    }
}
