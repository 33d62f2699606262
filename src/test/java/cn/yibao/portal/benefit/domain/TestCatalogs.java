package cn.yibao.portal.benefit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.policy.api.Citation;
import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.policy.domain.CatalogFile;
import cn.yibao.portal.shared.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small made-up catalogs (county 141121 under national 000000) for rules the seed documents do not exercise. */
final class TestCatalogs {

    static final List<String> PATH = List.of("141121", "000000");
    static final List<RemoteReduction> REDUCTIONS = List.of(
            new RemoteReduction("REFERRAL", Phrase.of("filing.type.REFERRAL"), 10, new Citation("医保发〔2022〕22号", "-", "000000")),
            new RemoteReduction("EMERGENCY", Phrase.of("filing.type.EMERGENCY"), 10, new Citation("医保发〔2022〕22号", "-", "000000")),
            new RemoteReduction(RemoteReduction.OTHER_TEMPORARY, Phrase.of("filing.type.OTHER_TEMPORARY"), 20,
                    new Citation("医保发〔2022〕22号", "-", "000000")));

    private TestCatalogs() {
    }

    /** Lines of one county document (测试〔2023〕1号) and, after a line "NATIONAL", of one national document. */
    static PolicyCatalog catalog(String... lines) {
        List<String> county = new ArrayList<>(List.of("document,测试〔2023〕1号,测试通知,测试县,2023-08-31,141121,seed.txt"));
        List<String> national = new ArrayList<>(List.of("document,测试〔2023〕2号,全国测试通知,测试部,2023-07-27,000000,seed.txt",
                "PERSONAL_CONTRIBUTION,2024,000000,ALL,380,EXACT,一,"));
        List<String> target = county;
        for (String line : lines) {
            if ("NATIONAL".equals(line)) {
                target = national;
            } else {
                target.add(line);
            }
        }
        CatalogFile.Parsed first = CatalogFile.parse("county.csv", county, Set.of("141121", "000000")::contains);
        CatalogFile.Parsed second = CatalogFile.parse("national.csv", national, Set.of("141121", "000000")::contains);
        assertThat(first.problems()).isEmpty();
        assertThat(second.problems()).isEmpty();
        List<cn.yibao.portal.policy.api.PolicyFigure> figures = new ArrayList<>(first.figures());
        figures.addAll(second.figures());
        return PolicyCatalog.of(List.of(first.document(), second.document()), figures);
    }

    static BenefitSchedule schedule(String... lines) {
        return BenefitRules.schedule(catalog(lines), PATH, 2024, REDUCTIONS);
    }
}
