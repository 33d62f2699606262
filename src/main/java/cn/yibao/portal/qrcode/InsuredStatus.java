package cn.yibao.portal.qrcode;

import cn.yibao.portal.resident.api.Resident;
import cn.yibao.portal.shared.Phrase;
import reactor.core.publisher.Mono;

/**
 * Implemented by the benefit module so that a verified 医保码 can say whether its holder is covered now, without
 * this module depending on benefits (which know payments and upstream contribution records).
 */
public interface InsuredStatus {

    /** One line for the counter, e.g. 2024年度已参保缴费，待遇期 2024-01-01 至 2024-12-31, said in the reader's language. */
    Mono<Phrase> of(Resident resident);
}
