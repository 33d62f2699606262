package cn.yibao.portal.policy.web;

import cn.yibao.portal.policy.RegionCatalog;
import cn.yibao.portal.policy.api.PolicyCatalog;
import cn.yibao.portal.policy.api.PolicyFigure;
import cn.yibao.portal.policy.domain.PolicyDocument;
import cn.yibao.portal.shared.Region;
import cn.yibao.portal.web.Pages;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Public list of the policy documents behind every figure, with the clauses the portal uses from each. */
@Configuration(proxyBeanMethods = false)
class PolicyDocumentsPage {

    record DocumentView(String number, String title, String issuer, String issuedOn, String regionName,
                        List<FigureView> figures, boolean focused) {
    }

    record FigureView(int benefitYear, String clause, String text) {
    }

    @Bean
    RouterFunction<ServerResponse> policyDocumentsRouter(PolicyCatalog catalog, RegionCatalog regions, Pages pages) {
        return RouterFunctions.route()
                .GET("/policy/documents", request -> {
                    String focus = request.queryParam("focus").orElse("");
                    List<DocumentView> documents = catalog.documents().stream()
                            .map(document -> view(document, catalog, regions, focus))
                            // The document a citation link points at comes first: no script needed to find it.
                            .sorted(Comparator.comparing((DocumentView view) -> !view.focused()))
                            .toList();
                    return pages.render(request, "policy/documents", Map.of("documents", documents));
                })
                .build();
    }

    private static DocumentView view(PolicyDocument document, PolicyCatalog catalog, RegionCatalog regions,
                                     String focus) {
        List<FigureView> figures = catalog.figuresOf(document.number()).stream()
                .sorted(Comparator.comparing(PolicyFigure::benefitYear).thenComparing(f -> f.citation().clause()))
                .map(f -> new FigureView(f.benefitYear(), f.citation().clause(), f.note()))
                .toList();
        return new DocumentView(document.number(), document.title(), document.issuer(),
                document.issuedOn() == null ? null : document.issuedOn().toString(),
                regions.find(document.regionCode()).map(Region::name).orElse(document.regionCode()), figures,
                document.number().equals(focus));
    }
}
