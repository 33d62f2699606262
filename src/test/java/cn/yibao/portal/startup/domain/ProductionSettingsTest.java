package cn.yibao.portal.startup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What production needs before it starts: every missing or unsafe setting named by its variable, never its value. */
class ProductionSettingsTest {

    private static final String KEY = "q8xK3uJ0vO1yQ2e5mZ7nP9rT4wL6aB0cD2fG5hJ8kM0=";

    /** A complete configuration where residents sign in through a province's OpenID Connect broker. */
    private static Map<String, String> complete() {
        Map<String, String> settings = new HashMap<>();
        settings.put("portal.evoucher.sign-in", "oidc");
        settings.put("spring.r2dbc.url", "r2dbc:postgresql://db:5432/portal");
        settings.put("spring.r2dbc.username", "portal_app");
        settings.put("spring.r2dbc.password", "app-secret");
        settings.put("spring.flyway.url", "jdbc:postgresql://db:5432/portal");
        settings.put("spring.flyway.user", "portal_owner");
        settings.put("spring.flyway.password", "owner-secret");
        settings.put("spring.security.oauth2.client.provider.evoucher.issuer-uri", "https://idp.example.cn/realms/evoucher");
        settings.put("spring.security.oauth2.client.registration.evoucher.client-secret", "evoucher-client-secret");
        settings.put("spring.security.oauth2.client.provider.staff.issuer-uri", "https://idp.example.cn/realms/staff");
        settings.put("spring.security.oauth2.client.registration.staff.client-secret", "staff-client-secret");
        settings.put("portal.api.audiences", "resident-app");
        settings.put("portal.codes.keys", "2:" + KEY + ",1:" + KEY);
        settings.put("portal.crypto.id-encryption-key", KEY);
        settings.put("portal.crypto.id-hash-key", KEY);
        settings.put("portal.trusted-proxies", "10.0.0.5,10.1.0.0/16");
        settings.put("portal.business-date", "");
        return settings;
    }

    private static List<ProductionSettings.Problem> problems(Map<String, String> settings, String... profiles) {
        return ProductionSettings.problems(settings::get, Set.of(profiles));
    }

    @Test
    void aCompleteAndSafeConfigurationHasNoProblem() {
        assertThat(problems(complete(), "production")).isEmpty();
        Map<String, String> loopbackIssuer = complete();
        loopbackIssuer.put("spring.security.oauth2.client.provider.staff.issuer-uri", "http://127.0.0.1:8180/realms/staff");
        assertThat(problems(loopbackIssuer, "production")).as("plain http to a provider on this machine").isEmpty();
    }

    @Test
    void signingResidentsInThroughTheNationalEvoucherNeedsTheChannelAndAnAppTokenKey() {
        Map<String, String> mip = complete();
        mip.put("portal.evoucher.sign-in", "mip");
        // No resident OpenID Connect provider is needed: residents come through the national protocol.
        mip.remove("spring.security.oauth2.client.provider.evoucher.issuer-uri");
        mip.remove("spring.security.oauth2.client.registration.evoucher.client-secret");
        assertThat(problems(mip, "production")).extracting(ProductionSettings.Problem::variable).containsExactly(
                "PORTAL_MIP_AUTHORIZE_URL", "PORTAL_MIP_API_BASE_URL", "PORTAL_MIP_PERSON_SERVICE_URL",
                "PORTAL_MIP_PARTNER_ID", "PORTAL_MIP_PARTNER_SECRET", "PORTAL_MIP_APP_ID", "PORTAL_MIP_APP_SECRET",
                "PORTAL_MIP_ORG_CHNL_CRTF_CODG", "PORTAL_MIP_PORTAL_PRIVATE_KEY", "PORTAL_MIP_PLATFORM_PUBLIC_KEY",
                "PORTAL_API_TOKEN_KEY");
        mip.put("portal.evoucher.mip.authorize-url", "https://mip.example.cn/authorize");
        mip.put("portal.evoucher.mip.api-base-url", "https://mip.example.cn");
        mip.put("portal.evoucher.mip.person-service-url", "https://mip.example.cn/1101");
        mip.put("portal.evoucher.mip.partner-id", "p");
        mip.put("portal.evoucher.mip.partner-secret", "s");
        mip.put("portal.evoucher.mip.app-id", "APP-ID-0000000001");
        mip.put("portal.evoucher.mip.app-secret", "s");
        mip.put("portal.evoucher.mip.org-chnl-crtf-codg", "a/b");
        mip.put("portal.evoucher.mip.portal-private-key", "ab");
        mip.put("portal.evoucher.mip.platform-public-key", "04ab");
        mip.put("portal.api.token-key", "c2hvcnQ=");
        assertThat(problems(mip, "production")).extracting(ProductionSettings.Problem::variable)
                .containsExactly("PORTAL_API_TOKEN_KEY");
        mip.put("portal.api.token-key", KEY);
        assertThat(problems(mip, "production")).isEmpty();
    }

    @Test
    void withNothingSetEveryRequiredSettingIsNamedInTheREADMEsOrder() {
        // Residents then sign in through the national e-voucher protocol, the default.
        assertThat(problems(Map.of(), "production")).extracting(ProductionSettings.Problem::variable).containsExactly(
                "SPRING_R2DBC_URL", "SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD", "SPRING_FLYWAY_URL",
                "SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD", "PORTAL_STAFF_ISSUER_URI", "PORTAL_STAFF_CLIENT_SECRET",
                "PORTAL_API_AUDIENCES", "PORTAL_CODE_KEYS", "PORTAL_ID_ENCRYPTION_KEY", "PORTAL_ID_HASH_KEY",
                "PORTAL_TRUSTED_PROXIES", "PORTAL_MIP_AUTHORIZE_URL", "PORTAL_MIP_API_BASE_URL",
                "PORTAL_MIP_PERSON_SERVICE_URL", "PORTAL_MIP_PARTNER_ID", "PORTAL_MIP_PARTNER_SECRET",
                "PORTAL_MIP_APP_ID", "PORTAL_MIP_APP_SECRET", "PORTAL_MIP_ORG_CHNL_CRTF_CODG",
                "PORTAL_MIP_PORTAL_PRIVATE_KEY", "PORTAL_MIP_PLATFORM_PUBLIC_KEY", "PORTAL_API_TOKEN_KEY");
    }

    @Test
    void throughAnOpenIdConnectBrokerResidentsNeedItsIssuerAndSecret() {
        Map<String, String> oidc = complete();
        oidc.remove("spring.security.oauth2.client.provider.evoucher.issuer-uri");
        oidc.remove("spring.security.oauth2.client.registration.evoucher.client-secret");
        assertThat(problems(oidc, "production")).extracting(ProductionSettings.Problem::variable)
                .containsExactly("PORTAL_EVOUCHER_ISSUER_URI", "PORTAL_EVOUCHER_CLIENT_SECRET");
    }

    @Test
    void anUnknownSignInModeIsNamed() {
        Map<String, String> settings = complete();
        settings.put("portal.evoucher.sign-in", "wechat");
        assertThat(problems(settings, "production")).extracting(ProductionSettings.Problem::variable)
                .contains("PORTAL_EVOUCHER_SIGN_IN");
    }

    static Stream<Arguments> unsafe() {
        return Stream.of(
                Arguments.of("portal.business-date", "2023-10-15T10:00", "PORTAL_BUSINESS_DATE"),
                Arguments.of("spring.security.oauth2.client.registration.evoucher.client-secret", "sandbox-secret",
                        "PORTAL_EVOUCHER_CLIENT_SECRET"),
                Arguments.of("spring.security.oauth2.client.registration.staff.client-secret", "sandbox-secret",
                        "PORTAL_STAFF_CLIENT_SECRET"),
                Arguments.of("spring.security.oauth2.client.provider.evoucher.issuer-uri",
                        "http://idp.example.cn/realms/evoucher", "PORTAL_EVOUCHER_ISSUER_URI"),
                Arguments.of("spring.security.oauth2.client.provider.staff.issuer-uri", "idp.example.cn/staff",
                        "PORTAL_STAFF_ISSUER_URI"),
                Arguments.of("spring.r2dbc.url", "jdbc:postgresql://db:5432/portal", "SPRING_R2DBC_URL"),
                Arguments.of("spring.flyway.url", "r2dbc:postgresql://db:5432/portal", "SPRING_FLYWAY_URL"),
                Arguments.of("spring.r2dbc.username", "portal_owner", "SPRING_R2DBC_USERNAME"),
                Arguments.of("portal.codes.keys", "1:c2hvcnQ=", "PORTAL_CODE_KEYS"),
                Arguments.of("portal.codes.keys", KEY, "PORTAL_CODE_KEYS"),
                Arguments.of("portal.codes.keys", "0:" + KEY, "PORTAL_CODE_KEYS"),
                Arguments.of("portal.codes.keys", "1:" + KEY + ",2:not base64!", "PORTAL_CODE_KEYS"),
                Arguments.of("portal.crypto.id-encryption-key", "c2hvcnQ=", "PORTAL_ID_ENCRYPTION_KEY"),
                Arguments.of("portal.crypto.id-hash-key", "not base64!", "PORTAL_ID_HASH_KEY"),
                Arguments.of("portal.trusted-proxies", "proxy.internal", "PORTAL_TRUSTED_PROXIES"),
                Arguments.of("portal.payment.sandbox.enabled", "true", "PORTAL_PAYMENT_SANDBOX_ENABLED"),
                Arguments.of("server.forward-headers-strategy", "native", "SERVER_FORWARD_HEADERS_STRATEGY"),
                Arguments.of("server.forward-headers-strategy", "framework", "SERVER_FORWARD_HEADERS_STRATEGY"));
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @MethodSource("unsafe")
    void anUnsafeValueIsNamedByItsVariableAndNeverShown(String property, String value, String variable) {
        Map<String, String> settings = complete();
        settings.put(property, value);

        List<ProductionSettings.Problem> problems = problems(settings, "production");

        assertThat(problems).extracting(ProductionSettings.Problem::variable).containsExactly(variable);
        assertThat(ProductionSettings.message(problems)).contains(variable).doesNotContain(value);
    }

    @Test
    void theSandboxProfileBesideProductionIsNamed() {
        assertThat(problems(complete(), "production", "sandbox")).extracting(ProductionSettings.Problem::variable)
                .containsExactly("SPRING_PROFILES_ACTIVE");
    }

    @Test
    void theMessageListsEveryProblemWithoutAnyValue() {
        Map<String, String> settings = complete();
        settings.put("portal.business-date", "2023-10-15");
        settings.remove("spring.r2dbc.password");

        String message = ProductionSettings.message(problems(settings, "production"));

        assertThat(message).contains("2 settings are missing or unsafe", "SPRING_R2DBC_PASSWORD (spring.r2dbc.password): missing",
                "PORTAL_BUSINESS_DATE (portal.business-date)").doesNotContain("2023-10-15", "app-secret", KEY);
    }
}
