package cn.yibao.portal.assist.domain;

/** Where an assisted session stands. Only ACTIVE lets the staff member act; every other end is final. */
public enum AssistStatus {
    AWAITING_RESIDENT, ACTIVE, ENDED, REVOKED, EXPIRED, DECLINED;

    public boolean isFinal() {
        return this != AWAITING_RESIDENT && this != ACTIVE;
    }
}
