package cn.yibao.portal.resident.web;

import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.text.domain.Phrase;
import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.SupportedRegions;
import cn.yibao.portal.policy.domain.Region;
import cn.yibao.portal.resident.CurrentResident;
import cn.yibao.portal.resident.Family;
import cn.yibao.portal.resident.HouseholdSummary;
import cn.yibao.portal.resident.domain.FamilyBinding;
import cn.yibao.portal.resident.domain.Resident;
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
    private final Family family;
    private final Pages pages;
    private final java.util.List<cn.yibao.portal.resident.HomeNotices> notices;
    private final java.util.List<HouseholdSummary> summaries;

    ResidentRoutes(CurrentResident currentResident, RegionCatalog regions, SupportedRegions supported, Family family,
                   Pages pages, java.util.List<cn.yibao.portal.resident.HomeNotices> notices,
                   java.util.List<HouseholdSummary> summaries) {
        this.notices = notices;
        this.summaries = summaries;
        this.currentResident = currentResident;
        this.regions = regions;
        this.supported = supported;
        this.family = family;
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
                // One after the other: each source reads on its own connection, never two at once. A fixed number of
                // queries whatever the size of the household: each source reads everyone it needs at once.
                .flatMap(resident -> family.overviewOf(resident).flatMap(overview -> {
                    java.util.List<Family.Member> members = overview.members().stream()
                            .filter(member -> member.status() == FamilyBinding.Status.ACTIVE).toList();
                    return reactor.core.publisher.Flux.fromIterable(summaries)
                            .concatMap(source -> source.of(resident, members))
                            .next().map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(household -> reactor.core.publisher.Flux.fromIterable(notices)
                                    .concatMap(source -> source.of(resident, family.boundMinorsIn(overview)))
                                    .collectList()
                                    .flatMap(found -> {
                                        Map<String, Object> model = new java.util.HashMap<>();
                                        model.put("resident", ResidentView.of(resident,
                                                regions.find(resident.insuredRegionCode()),
                                                supported.isSupported(resident.insuredRegionCode())));
                                        model.put("invitations", overview.invitations().size());
                                        model.put("notices", found);
                                        household.ifPresent(h -> model.put("household", h));
                                        return pages.render(request, "resident/home", model);
                                    }));
                }))
                .switchIfEmpty(Mono.defer(() -> CurrentResident.refuse(request)));
    }

    private Mono<ServerResponse> me(ServerRequest request) {
        return currentResident.of(request)
                .flatMap(resident -> ServerResponse.ok().bodyValue(
                        MeResponse.of(resident, regions.find(resident.insuredRegionCode()),
                                supported.isSupported(resident.insuredRegionCode()))))
                .switchIfEmpty(Mono.defer(() -> ProblemResponses.response(HttpStatus.FORBIDDEN,
                        RequestWords.say(request, Phrase.of("resident.refused.claims")), null)));
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
