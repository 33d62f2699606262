package cn.yibao.portal.identity.mip;

import org.springframework.security.core.AuthenticationException;

/** Why an e-voucher sign-in did not happen, in the terms the landing page tells the resident. */
public class MipSignInException extends AuthenticationException {

    public enum Failure {
        /** The resident cancelled on the authorization page. */
        CANCELLED("mip-cancelled"),
        /** The state did not match (a stale tab, a forged return): start again. */
        STATE_MISMATCH("mip-expired"),
        /** The authCode expired, was used already or is unknown: authorise again. */
        CODE_EXPIRED("mip-expired"),
        /** Not in the resident scheme (insutype 390). */
        NOT_RESIDENT_SCHEME("mip-not-resident"),
        /** Insured in a region the portal does not serve. */
        REGION_NOT_SERVED("mip-region"),
        /** The platform could not be reached or did not answer in time: try again later. */
        UNREACHABLE("mip-unreachable"),
        /** The platform answered something we refuse (signature, timestamp, missing data): a fault, not the resident's. */
        REFUSED("signin-failed");

        private final String landingError;

        Failure(String landingError) {
            this.landingError = landingError;
        }

        public String landingError() {
            return landingError;
        }
    }

    private final Failure failure;

    public MipSignInException(Failure failure, String detail) {
        super(failure + ": " + detail);
        this.failure = failure;
    }

    public MipSignInException(Failure failure, String detail, Throwable cause) {
        super(failure + ": " + detail, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
