package cn.yibao.portal.resident.web;

import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.ResidentHome;
import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.shared.Region;
import cn.yibao.portal.web.Pages;
import cn.yibao.portal.web.ProblemResponses;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The resident home page and {@code GET /api/v1/me}. */
@Configuration(proxyBeanMethods = false)
class ResidentRoutes {

    private final CurrentResident currentResident;
    private final RegionCatalog regions;
    private final SupportedRegions supported;
    private final ResidentHome home;
    private final Pages pages;

    ResidentRoutes(CurrentResident currentResident, RegionCatalog regions, SupportedRegions supported,
                   ResidentHome home, Pages pages) {
        this.currentResident = currentResident;
        this.regions = regions;
        this.supported = supported;
        this.home = home;
        this.pages = pages;
    }

    @Bean
    RouterFunction<ServerResponse> residentRouter() {
        return RouterFunctions.route()
                .GET("/home", this::home)
                .GET("/api/v1/me", this::me)
                .build();
    }

    private Mono<ServerResponse> home(ServerRequest request) {
        return currentResident.of(request)
                .flatMap(resident -> home.of(resident).flatMap(found -> {
                    Map<String, Object> model = new java.util.HashMap<>();
                    model.put("resident", ResidentView.of(resident, regions.find(resident.insuredRegionCode()),
                            supported.isSupported(resident.insuredRegionCode())));
                    model.put("invitations", found.invitations());
                    model.put("notices", found.notices());
                    found.household().ifPresent(h -> model.put("household", h));
                    return pages.render(request, "resident/home", model);
                }))
                .switchIfEmpty(Mono.defer(() -> CurrentResident.refuse(request)));
    }

    private Mono<ServerResponse> me(ServerRequest request) {
        return currentResident.of(request)
                .flatMap(resident -> ServerResponse.ok().bodyValue(
                        MeResponse.of(resident, regions.find(resident.insuredRegionCode()),
                                supported.isSupported(resident.insuredRegionCode()))))
                .switchIfEmpty(Mono.defer(() -> ProblemResponses.response(HttpStatus.FORBIDDEN,
                        Phrase.of("resident.refused.claims"), null)));
    }

    /** What the home page shows: masked identity and the insured region, or that the region is not supported yet. */
    record ResidentView(String maskedName, String maskedCertno, String regionCode, String regionName,
                        boolean regionSupported) {
        static ResidentView of(Resident resident, Optional<Region> region, boolean supported) {
            return new ResidentView(resident.maskedName(), resident.maskedCertno(), resident.insuredRegionCode(),
                    region.map(Region::name).orElse(null), supported);
        }
    }

    /** {@code GET /api/v1/me}: never the full ID number. */
    record MeResponse(String psnNo, String maskedName, String maskedCertno, RegionView region) {
        static MeResponse of(Resident resident, Optional<Region> region, boolean supported) {
            return new MeResponse(resident.psnNo(), resident.maskedName(), resident.maskedCertno(),
                    new RegionView(resident.insuredRegionCode(), region.map(Region::name).orElse(null), supported));
        }
    }

    record RegionView(String code, String name, boolean supported) {
    }
}
