package cn.yibao.portal.resident;

import cn.yibao.portal.resident.domain.Resident;
import reactor.core.publisher.Flux;

/**
 * Things other modules want on a resident's home page (an assist request waiting for approval, a refill due…),
 * without this module depending on them.
 */
public interface HomeNotices {

    Flux<Notice> of(Resident resident);

    /** {@code id} names the notice on the page; {@code text} is Chinese; {@code link} where to act on it. */
    record Notice(String id, String text, String link) {
    }
}
