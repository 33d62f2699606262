package cn.yibao.portal.clock;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BusinessClockConfiguration {

    @Bean
    BusinessClock businessClock(@Value("${portal.business-date:}") String businessDate,
                                @Value("${portal.zone:Asia/Shanghai}") ZoneId zone) {
        return businessDate.isBlank()
                ? BusinessClock.realTime(zone)
                : BusinessClock.startingAt(businessDate.strip(), Clock.system(zone));
    }
}
