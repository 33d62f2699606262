package cn.yibao.portal.resident.domain;

/** How a bound family member relates to the resident who bound them. */
public enum Relation {
    SPOUSE,
    CHILD,
    PARENT,
    OTHER
}
