package cn.yibao.portal.upstream.domain;

/** What importing a line does to the stored data. */
public enum Change {
    /** A record not stored before. */
    INSERT,
    /** A prescription moving forward (issued → dispensed → settled). */
    UPDATE,
    /** The same record again: nothing to do. */
    UNCHANGED
}
