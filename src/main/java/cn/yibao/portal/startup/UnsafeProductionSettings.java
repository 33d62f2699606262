package cn.yibao.portal.startup;

import cn.yibao.portal.startup.domain.ProductionSettings;
import java.util.List;

/** The production configuration is missing or unsafe settings; the message names them all (never their values). */
public class UnsafeProductionSettings extends RuntimeException {

    private final transient List<ProductionSettings.Problem> problems;

    UnsafeProductionSettings(List<ProductionSettings.Problem> problems) {
        super(ProductionSettings.message(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<ProductionSettings.Problem> problems() {
        return problems;
    }
}
