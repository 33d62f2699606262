package cn.yibao.portal.identity;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.ReactiveFindByIndexNameSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every web session a person is signed in with, wherever it lives: in Redis (indexed by principal name, when more
 * than one node shares the sessions) or in this node's memory (the single-node default). The principal name is the
 * provider's subject for the person ({@code sub}).
 */
@Component
class SignedInSessions {

    private final ObjectProvider<ReactiveSessionRepository<? extends Session>> shared;
    private final WebSessionManager sessions;

    SignedInSessions(ObjectProvider<ReactiveSessionRepository<? extends Session>> shared, WebSessionManager sessions) {
        this.shared = shared;
        this.sessions = sessions;
    }

    /** Ends all of the person's other sessions (the sign-out ends the current one); answers how many. */
    Mono<Long> endOthersOf(String principalName, String currentSessionId) {
        ReactiveSessionRepository<? extends Session> repository = shared.getIfAvailable();
        if (repository instanceof ReactiveFindByIndexNameSessionRepository<?> indexed) {
            return indexed.findByPrincipalName(principalName)
                    .flatMapMany(found -> Flux.fromIterable(List.copyOf(found.keySet())))
                    .filter(id -> !id.equals(currentSessionId))
                    .concatMap(id -> repository.deleteById(id).thenReturn(id))
                    .count();
        }
        if (sessions instanceof DefaultWebSessionManager manager
                && manager.getSessionStore() instanceof InMemoryWebSessionStore store) {
            return Flux.fromIterable(List.copyOf(store.getSessions().values()))
                    .filter(session -> principalName.equals(principalOf(session))
                            && !session.getId().equals(currentSessionId))
                    .concatMap(session -> session.invalidate().thenReturn(session.getId()))
                    .count();
        }
        return Mono.error(new IllegalStateException("no way to find a person's sessions in " + sessions));
    }

    private static String principalOf(WebSession session) {
        Object context = session.getAttribute(
                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME);
        return context instanceof SecurityContext security && security.getAuthentication() != null
                ? security.getAuthentication().getName() : null;
    }
}
