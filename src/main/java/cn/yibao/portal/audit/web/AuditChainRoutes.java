package cn.yibao.portal.audit.web;

import cn.yibao.portal.audit.AuditChain;
import cn.yibao.portal.audit.domain.ChainReport;
import cn.yibao.portal.shared.Phrase;
import cn.yibao.portal.text.RequestWords;
import cn.yibao.portal.web.ProblemResponses;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api/v1/staff/audit/chain}: whether the audit trail's hash chain is whole, for staff with the AUDITOR
 * role. Always 200: a broken chain is an answer, not an error.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainRoutes {

    @Bean
    RouterFunction<ServerResponse> auditChainRouter(AuditChain chain) {
        return RouterFunctions.route()
                .GET("/api/v1/staff/audit/chain", request -> request.principal().ofType(Authentication.class)
                        .filter(AuditChainRoutes::auditor)
                        .flatMap(auditor -> chain.verify())
                        .flatMap(report -> ServerResponse.ok().bodyValue(ChainAnswer.of(report, RequestWords.sayer(request))))
                        .switchIfEmpty(Mono.defer(() -> ProblemResponses.response(HttpStatus.FORBIDDEN,
                                Phrase.of("audit.chain.notAuditor"), null))))
                .build();
    }

    /**
     * The security configuration grants the route to AUDITOR from the staff route table; this checks it again where
     * the chain is read (this module sits below identity, so it reads the authority itself).
     */
    private static boolean auditor(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(authority -> "ROLE_AUDITOR".equals(authority.getAuthority()));
    }

    /**
     * @param rowsChecked     rows that fit (all of them when intact, those before the broken one otherwise)
     * @param headHash        the hash the next row will link to: note it elsewhere to detect a wholesale rewrite
     * @param anchoredAfterId the last purged row the chain now starts after, if any purge ran
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChainAnswer(boolean intact, long rowsChecked, Long lastId, String headHash, Long anchoredAfterId,
                       Long brokenRowId, String problem, String detail) {

        static ChainAnswer of(ChainReport report, java.util.function.Function<Phrase, String> say) {
            if (report instanceof ChainReport.Broken broken) {
                return new ChainAnswer(false, broken.rowsBefore(), null, null, null, broken.rowId(),
                        broken.problem().name(), say.apply(broken.detail()));
            }
            ChainReport.Intact intact = (ChainReport.Intact) report;
            return new ChainAnswer(true, intact.rows(), intact.lastId(), intact.headHash(), intact.anchoredAfterId(), null,
                    null, null);
        }
    }
}
