package cn.yibao.portal.filing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lifecycle graph, every pair of statuses: Y where the change is allowed, - where it is forbidden. */
class FilingStatusTest {

    private static final String TABLE = """
            from→to       SUBMITTED UNDER_REVIEW EFFECTIVE REJECTED CANCELLED EXPIRED
            SUBMITTED     -         Y            Y         -        -         -
            UNDER_REVIEW  -         -            Y         Y        Y         -
            EFFECTIVE     -         -            -         -        Y         Y
            REJECTED      -         -            -         -        -         -
            CANCELLED     -         -            -         -        -         -
            EXPIRED       -         -            -         -        -         -
            """;

    private static List<String[]> rows() {
        return TABLE.lines().map(line -> line.trim().split("\\s+")).toList();
    }

    static Stream<Arguments> everyPair() {
        List<String[]> rows = rows();
        String[] header = rows.get(0);
        List<Arguments> pairs = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            for (int column = 1; column < row.length; column++) {
                pairs.add(Arguments.of(FilingStatus.valueOf(row[0]), FilingStatus.valueOf(header[column]),
                        row[column].equals("Y")));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1}: allowed={2}")
    @MethodSource("everyPair")
    void followsTheTable(FilingStatus from, FilingStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @Test
    void theTableCoversEveryStatusAsSourceAndTarget() {
        List<String[]> rows = rows();
        List<String> targets = Arrays.asList(rows.get(0)).subList(1, rows.get(0).length);
        List<String> sources = rows.subList(1, rows.size()).stream().map(row -> row[0]).toList();
        List<String> all = Arrays.stream(FilingStatus.values()).map(Enum::name).toList();

        assertThat(targets).containsExactlyElementsOf(all);
        assertThat(sources).containsExactlyElementsOf(all);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).hasSize(all.size() + 1));
    }

    @Test
    void onlySubmittedUnderReviewAndEffectiveFilingsAreOpen() {
        EnumSet<FilingStatus> open = EnumSet.noneOf(FilingStatus.class);
        for (FilingStatus status : FilingStatus.values()) {
            if (status.isOpen()) {
                open.add(status);
            }
        }

        assertThat(open).containsExactlyInAnyOrder(FilingStatus.SUBMITTED, FilingStatus.UNDER_REVIEW,
                FilingStatus.EFFECTIVE);
    }
}
