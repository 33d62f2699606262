package cn.yibao.portal.upstream.domain;

/** What importing a line does to the stored data. */
public enum Change {
    /** A record not stored before. */
    INSERT,
    /**
     * A stored record changing as upstream allows: a prescription moving forward (issued → dispensed → settled), a
     * contribution record withdrawn, a qualification revoked.
     */
    UPDATE,
    /** The same record again: nothing to do. */
    UNCHANGED
}
