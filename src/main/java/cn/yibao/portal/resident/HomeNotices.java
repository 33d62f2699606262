package cn.yibao.portal.resident;

import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Things other modules want on a resident's home page (an assist request waiting for approval, a refill due…),
 * without this module depending on them.
 */
public interface HomeNotices {

    /** {@code boundMinors}: the minors bound to the resident, already read for the page (no second read). */
    Flux<Notice> of(Resident resident, List<Resident> boundMinors);

    /**
     * {@code id} names the notice on the page; {@code key} and {@code args} its words in the message bundles, rendered
     * in the reader's language; {@code link} where to act on it.
     */
    record Notice(String id, String key, List<Object> args, String link) {

        public Notice {
            args = List.copyOf(args);
        }

        /** The notice's words; an argument may itself be a phrase (a disease, a date). */
        public Phrase phrase() {
            return new Phrase(key, args);
        }
    }
}
