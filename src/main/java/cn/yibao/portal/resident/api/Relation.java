package cn.yibao.portal.resident.api;

/** How a bound family member relates to the resident who bound them. */
public enum Relation {
    SPOUSE,
    CHILD,
    PARENT,
    OTHER;

    /**
     * Where a member stands when a household is listed: after the resident (本人) come spouse (配偶), parents, children
     * (子女), others — the order of 我的缴费, the payment pages and the order history alike.
     */
    public int listingRank() {
        return switch (this) {
            case SPOUSE -> 1;
            case PARENT -> 2;
            case CHILD -> 3;
            case OTHER -> 4;
        };
    }
}
