package cn.yibao.portal.identity;

import cn.yibao.portal.identity.mip.MipResidentAuthentication;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The identity types (特困, 低保…) the national platform returned for the signed-in resident at sign-in
 * ({@code idetinfo} of 1101), for pages to show beside the local assistance lists. The platform sends codes; their
 * names come from {@code portal.evoucher.mip.identity-type-names} (the province's dictionary; the sandbox names its
 * simulator's codes). A code without a name is shown as the code: the portal does not guess what it means.
 */
@Component
public class NationalIdentityTypes {

    /** One identity type: its code, its configured name (null when none) and the dates it holds (text, may be null). */
    public record Shown(String code, String name, String begins, String ends) {
    }

    private final Map<String, String> names;

    NationalIdentityTypes(Environment environment) {
        this.names = Map.copyOf(Binder.get(environment)
                .bind("portal.evoucher.mip.identity-type-names", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    /** Empty when the resident did not sign in through the national e-voucher, or it returned no identity type. */
    public Mono<List<Shown>> of(ServerRequest request) {
        return request.principal()
                .filter(MipResidentAuthentication.class::isInstance)
                .map(principal -> shown(((MipResidentAuthentication) principal).claims().get("idetinfo")))
                .defaultIfEmpty(List.of());
    }

    List<Shown> shown(Object idetinfo) {
        if (!(idetinfo instanceof List<?> entries)) {
            return List.of();
        }
        return entries.stream()
                .filter(Map.class::isInstance)
                .map(Map.class::cast)
                .filter(entry -> entry.get("psn_idet_type") instanceof String)
                .map(entry -> {
                    String code = (String) entry.get("psn_idet_type");
                    return new Shown(code, names.get(code), date(entry.get("begntime")), date(entry.get("endtime")));
                })
                .toList();
    }

    private static String date(Object value) {
        return value instanceof String text && text.length() >= 10 ? text.substring(0, 10) : null;
    }
}
