package cn.yibao.portal.qrcode.api;

import cn.yibao.portal.shared.Phrase;

/** What a code is for; a code verifies only for the purpose it was issued for. */
public enum CodePurpose {
    RESIDENT(1),
    RECEIPT(2),
    FILING(3),
    PRESCRIPTION(4),
    PAY_LINK(5);

    private final int code;

    CodePurpose(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** How the purpose is named ({@code code.purpose.<name>}). */
    public Phrase label() {
        return Phrase.of("code.purpose." + name());
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
