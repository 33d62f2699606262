package cn.yibao.portal.assist;

import cn.yibao.portal.resident.HomeNotices;
import cn.yibao.portal.resident.api.Resident;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** An assist request waiting for the resident shows on their home page. */
@Component
class AssistHomeNotices implements HomeNotices {

    private final AssistSessions sessions;

    AssistHomeNotices(AssistSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Flux<Notice> of(Resident resident, List<Resident> boundMinors) {
        return sessions.pendingFor(resident).map(pending -> new Notice("assist-request-" + pending.session().id(),
                "assist.notice.request", List.of(pending.session().staffNameMasked()), "/assist/requests"));
    }
}
