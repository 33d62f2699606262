package cn.yibao.portal.resident.sandbox;

import cn.yibao.portal.database.ConnectionScope;
import cn.yibao.portal.resident.DemoResidents;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sandbox profile only: makes sure the demo residents and households exist, once the migrations have run. Ordered
 * first among the start-up runners: the upstream module's demo feed (order 10) imports records about these people.
 */
@Component
@Profile("sandbox")
@Order(0)
class DemoResidentsLoader implements ApplicationRunner {

    private final DemoResidents demoResidents;

    DemoResidentsLoader(DemoResidents demoResidents) {
        this.demoResidents = demoResidents;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Start-up thread, not an event-loop thread: waiting here keeps the demo data ready before traffic.
        demoResidents.load().contextWrite(ConnectionScope.of("demo residents")).block();
    }
}
