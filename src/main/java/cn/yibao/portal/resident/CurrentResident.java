package cn.yibao.portal.resident;

import cn.yibao.portal.identity.ResidentPrincipals;
import cn.yibao.portal.resident.domain.Resident;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** The resident the current request acts for: the one signed in on the page session or named by the bearer token. */
@Component
public class CurrentResident {

    private final ResidentRegistry registry;

    CurrentResident(ResidentRegistry registry) {
        this.registry = registry;
    }

    /** Empty when the principal carries no usable e-voucher identity. */
    public Mono<Resident> of(ServerRequest request) {
        return request.principal()
                .ofType(Authentication.class)
                .flatMap(authentication -> Mono.justOrEmpty(ResidentPrincipals.identityOf(authentication)))
                .flatMap(registry::findOrRegister);
    }
}
