package cn.yibao.portal.identity;

import cn.yibao.portal.identity.domain.StaffClaims;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Mono;

/**
 * Who is a resident and who is staff is decided by the issuer, never by a claim a user could type: residents sign
 * in through the e-voucher registration, staff through the staff one. Staff roles come from the staff issuer's
 * {@code roles} claim.
 */
final class IssuerRoles {

    private IssuerRoles() {
    }

    static List<GrantedAuthority> forResident() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + PortalRoles.RESIDENT));
    }

    static List<GrantedAuthority> forStaff(Map<String, Object> claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + PortalRoles.STAFF));
        if (claims.get("roles") instanceof Collection<?> roles) {
            roles.stream().map(String::valueOf).filter(StaffClaims.KNOWN_ROLES::contains)
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return authorities;
    }

    /** The OIDC user of a page sign-in, with the authorities of the registration used. */
    static ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
        return request -> delegate.loadUser(request).map(user -> {
            boolean staff = PortalRoles.STAFF_REGISTRATION.equals(request.getClientRegistration().getRegistrationId());
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            authorities.addAll(staff ? forStaff(user.getClaims()) : forResident());
            return (OidcUser) new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
        }).switchIfEmpty(Mono.empty());
    }
}
