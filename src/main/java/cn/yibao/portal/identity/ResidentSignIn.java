package cn.yibao.portal.identity;

import cn.yibao.portal.identity.api.EvoucherIdentity;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What must happen when a resident signs in: the resident module creates or matches the record. Declared here so
 * that identity does not depend on the resident module (which depends on identity for the current principal).
 */
public interface ResidentSignIn {

    /** @return the resident's id */
    Mono<UUID> signedIn(EvoucherIdentity identity);
}
