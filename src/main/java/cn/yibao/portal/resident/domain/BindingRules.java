package cn.yibao.portal.resident.domain;

import cn.yibao.portal.resident.api.Categories;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.resident.api.Relation;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import java.time.LocalDate;
import java.util.List;

/**
 * Who may be bound how: a minor in the owner's own household directly; an adult only by an invitation they accept
 * from their own sign-in; never oneself, never twice.
 */
public final class BindingRules {

    private BindingRules() {
    }

    public sealed interface Decision permits BindDirectly, Invite, Refused {
    }

    public record BindDirectly(Relation relation) implements Decision {
    }

    public record Invite(Relation relation) implements Decision {
    }

    /** {@code conflict}: the refusal is about an existing binding (HTTP 409), otherwise about the request (422). */
    public record Refused(Phrase reason, boolean conflict) implements Decision {
    }

    public static Decision decide(Resident owner, Resident candidate, Relation requested, LocalDate today,
                                  List<FamilyBinding> openBindingsBetweenThem) {
        if (owner.id().equals(candidate.id())) {
            return new Refused(Phrase.of("family.refused.self"), false);
        }
        for (FamilyBinding binding : openBindingsBetweenThem) {
            if (binding.status() == FamilyBinding.Status.ACTIVE) {
                return new Refused(Phrase.of("family.refused.bound"), true);
            }
            return new Refused(binding.ownerId().equals(owner.id())
                    ? Phrase.of("family.refused.invited") : Phrase.of("family.refused.invitedYou"), true);
        }
        if (Categories.initialCategory(candidate.birthDate(), today) == Category.MINOR) {
            boolean sameHousehold = owner.householdId() != null && owner.householdId().equals(candidate.householdId());
            return sameHousehold
                    ? new BindDirectly(requested == null ? Relation.CHILD : requested)
                    : new Refused(Phrase.of("family.refused.minor"), false);
        }
        return new Invite(requested == null ? Relation.OTHER : requested);
    }
}
