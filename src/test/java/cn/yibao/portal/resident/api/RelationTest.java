package cn.yibao.portal.resident.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class RelationTest {

    @Test
    void aHouseholdIsListedSpouseThenParentsThenChildrenThenOthers() {
        assertThat(Arrays.stream(Relation.values()).sorted(Comparator.comparingInt(Relation::listingRank)))
                .containsExactly(Relation.SPOUSE, Relation.PARENT, Relation.CHILD, Relation.OTHER);
    }
}
