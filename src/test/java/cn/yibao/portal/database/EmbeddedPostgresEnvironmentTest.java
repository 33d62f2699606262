package cn.yibao.portal.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedPostgresEnvironmentTest {

    private final EmbeddedPostgresEnvironment embedded = new EmbeddedPostgresEnvironment(Supplier<Log>::get);

    @Test
    void aConfiguredDatabaseUrlMeansNoEmbeddedServer() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.example:5432/portal");

        embedded.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains("embeddedPostgres")).isFalse();
        assertThat(environment.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://db.example:5432/portal");
    }

    @Test
    void theProductionSwitchTurnsTheEmbeddedServerOff() {
        MockEnvironment environment = new MockEnvironment().withProperty("portal.embedded-db.enabled", "false");

        embedded.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains("embeddedPostgres")).isFalse();
    }
}
