package cn.yibao.portal.startup;

import cn.yibao.portal.startup.domain.ProductionSettings;
import java.util.List;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In the production profile, checks every setting production needs ({@link ProductionSettings}) once the
 * configuration is read and before anything else is built — no database pool, no issuer discovery, no web server —
 * and refuses to start with one message naming every missing or unsafe setting.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("production"))) {
            return;
        }
        List<ProductionSettings.Problem> problems = ProductionSettings.problems(property -> {
            try {
                return environment.getProperty(property);
            } catch (IllegalArgumentException unresolvablePlaceholder) {
                return null;
            }
        }, Set.of(environment.getActiveProfiles()));
        if (!problems.isEmpty()) {
            throw new UnsafeProductionSettings(problems);
        }
    }

    /** After the configuration files are read, before the sandbox's own post-processors could start anything. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }
}
