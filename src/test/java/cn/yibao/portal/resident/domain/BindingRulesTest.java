package cn.yibao.portal.resident.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.resident.api.AssistanceStatus;
import cn.yibao.portal.resident.api.Category;
import cn.yibao.portal.resident.api.Relation;
import cn.yibao.portal.resident.api.Resident;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BindingRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2023, 10, 15);
    private static final UUID HOUSEHOLD = UUID.randomUUID();
    private final Resident parent = resident(LocalDate.of(1975, 3, 12), HOUSEHOLD);

    private static Resident resident(LocalDate birthDate, UUID household) {
        return new Resident(UUID.randomUUID(), "王建国", "141***********121X", birthDate, "1", "141121",
                Category.ADULT, AssistanceStatus.NONE, household, null);
    }

    @Test
    void aMinorInTheSameHouseholdIsBoundDirectly() {
        Resident child = resident(LocalDate.of(2012, 9, 1), HOUSEHOLD);

        assertThat(BindingRules.decide(parent, child, null, TODAY, List.of()))
                .isEqualTo(new BindingRules.BindDirectly(Relation.CHILD));
    }

    @Test
    void aMinorOfAnotherHouseholdCannotBeBoundFromThePhone() {
        Resident otherChild = resident(LocalDate.of(2012, 9, 1), UUID.randomUUID());

        assertThat(BindingRules.decide(parent, otherChild, Relation.CHILD, TODAY, List.of()))
                .isInstanceOfSatisfying(BindingRules.Refused.class, refused -> assertThat(refused.conflict()).isFalse());
    }

    @Test
    void anAdultIsOnlyInvitedEvenInTheSameHousehold() {
        Resident spouse = resident(LocalDate.of(1978, 6, 20), HOUSEHOLD);

        assertThat(BindingRules.decide(parent, spouse, Relation.SPOUSE, TODAY, List.of()))
                .isEqualTo(new BindingRules.Invite(Relation.SPOUSE));
    }

    @Test
    void someoneTurningEighteenTodayIsAnAdult() {
        Resident justAdult = resident(TODAY.minusYears(18), HOUSEHOLD);

        assertThat(BindingRules.decide(parent, justAdult, null, TODAY, List.of()))
                .isInstanceOf(BindingRules.Invite.class);
    }

    @Test
    void oneselfAndAnExistingBindingAreRefused() {
        Resident spouse = resident(LocalDate.of(1978, 6, 20), HOUSEHOLD);
        FamilyBinding active = new FamilyBinding(UUID.randomUUID(), parent.id(), spouse.id(), Relation.SPOUSE,
                FamilyBinding.Status.ACTIVE);

        assertThat(BindingRules.decide(parent, parent, null, TODAY, List.of())).isInstanceOf(BindingRules.Refused.class);
        assertThat(BindingRules.decide(parent, spouse, null, TODAY, List.of(active)))
                .isInstanceOfSatisfying(BindingRules.Refused.class, refused -> assertThat(refused.conflict()).isTrue());
    }
}
