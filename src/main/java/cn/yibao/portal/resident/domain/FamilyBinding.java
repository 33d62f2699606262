package cn.yibao.portal.resident.domain;

import cn.yibao.portal.resident.api.Relation;
import java.util.UUID;

/** A binding between an owner and a member, as stored. */
public record FamilyBinding(UUID id, UUID ownerId, UUID memberId, Relation relation, Status status) {

    public enum Status { PENDING, ACTIVE, DECLINED, UNBOUND }

    /** The person on the other side of this binding from {@code residentId}. */
    public UUID otherThan(UUID residentId) {
        return ownerId.equals(residentId) ? memberId : ownerId;
    }

    public boolean isOpen() {
        return status == Status.PENDING || status == Status.ACTIVE;
    }
}
