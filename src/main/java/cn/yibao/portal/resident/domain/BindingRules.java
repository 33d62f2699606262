package cn.yibao.portal.resident.domain;

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
    public record Refused(String reason, boolean conflict) implements Decision {
    }

    public static Decision decide(Resident owner, Resident candidate, Relation requested, LocalDate today,
                                  List<FamilyBinding> openBindingsBetweenThem) {
        if (owner.id().equals(candidate.id())) {
            return new Refused("不能绑定本人。", false);
        }
        for (FamilyBinding binding : openBindingsBetweenThem) {
            if (binding.status() == FamilyBinding.Status.ACTIVE) {
                return new Refused("已经与该家庭成员绑定。", true);
            }
            return new Refused(binding.ownerId().equals(owner.id())
                    ? "已向该家庭成员发出绑定邀请，请等待对方在本人的医保电子凭证中确认。"
                    : "对方已向您发出绑定邀请，请在“我的家庭”中确认。", true);
        }
        if (Categories.initialCategory(candidate.birthDate(), today) == Category.MINOR) {
            boolean sameHousehold = owner.householdId() != null && owner.householdId().equals(candidate.householdId());
            return sameHousehold
                    ? new BindDirectly(requested == null ? Relation.CHILD : requested)
                    : new Refused("未成年人只能由同一户的家庭成员直接绑定，请携带户口簿到医保经办窗口办理。", false);
        }
        return new Invite(requested == null ? Relation.OTHER : requested);
    }
}
