package cn.yibao.portal.identity.mip;

import java.io.Serial;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A resident signed in through the national e-voucher: the claims the portal derived from userQuery and 1101
 * ({@code sub}, {@code name}, {@code certno}, {@code psn_no}, {@code insuplc_admdvs}, {@code rels_pay_flag},
 * {@code idetinfo}), kept in the web session (serialisable: strings, lists and maps of strings only, so it can live
 * in Redis). The {@code pay_auth_no} stays here, server-side; no page or API answer shows it.
 */
public final class MipResidentAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> claims;
    private final String payAuthNo;

    public MipResidentAuthentication(Map<String, Object> claims, String payAuthNo,
                                     Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.claims = Map.copyOf(claims);
        this.payAuthNo = payAuthNo;
        setAuthenticated(true);
    }

    public Map<String, Object> claims() {
        return claims;
    }

    /** The platform's payment authorisation number for this sign-in (server-side only). */
    public String payAuthNo() {
        return payAuthNo;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return claims.get("sub");
    }

    @Override
    public String toString() {
        return "MipResidentAuthentication[sub=" + claims.get("sub") + ", authorities=" + getAuthorities() + "]";
    }
}
