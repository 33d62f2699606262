package cn.yibao.portal.qrcode;

import cn.yibao.portal.qrcode.api.CodePurpose;
import cn.yibao.portal.shared.Phrase;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Implemented by the module that owns a code's subject (filings, receipts…), so that verification can say what a
 * code stands for, in masked form, without this module depending on those modules.
 */
public interface CodeSubjects {

    CodePurpose purpose();

    /** Empty when the subject does not exist (any more). */
    Mono<Subject> describe(UUID subject);

    /**
     * {@code inactiveReason} is null while the subject is in force (e.g. a filing still effective);
     * {@code holderRegionCode} is the insured region of the person the subject belongs to (staff may verify a
     * person's code only for their own region).
     */
    record Subject(String name, String region, Phrase status, Phrase inactiveReason, String holderRegionCode) {
    }
}
