package cn.yibao.portal.identity.sandbox;

import cn.yibao.portal.identity.DemoAccounts.DemoResident;
import cn.yibao.portal.identity.DemoAccounts.DemoStaff;
import cn.yibao.portal.identity.DemoAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

/**
 * In the sandbox profile, starts the sandbox e-voucher issuer (mock-oauth2-server) in-process on loopback with two
 * issuers, {@code evoucher} for residents and {@code staff} for help-desk staff, and publishes its address as
 * {@code portal.sandbox.issuer-base-url} before the OAuth2 client and resource server read their issuer URIs.
 *
 * <p>Its sign-in page is interactive: one types a demo login name, which the issuer maps to that person's claims.
 * Production points the same registration at the real provider and never starts this.
 */
public class SandboxIssuerEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String BASE_URL_PROPERTY = "portal.sandbox.issuer-base-url";
    public static final String RESIDENT_ISSUER = "evoucher";
    public static final String STAFF_ISSUER = "staff";
    private static final long TOKEN_LIFETIME_SECONDS = 3600;

    /** One issuer per configured port per JVM: tests boot several application contexts that share it. */
    private static final Map<Integer, String> RUNNING = new ConcurrentHashMap<>();

    private final Log log;

    public SandboxIssuerEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(SandboxIssuerEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("sandbox")) || environment.containsProperty(BASE_URL_PROPERTY)) {
            return;
        }
        int port = environment.getProperty("portal.sandbox.issuer-port", Integer.class, 9000);
        String baseUrl = RUNNING.computeIfAbsent(port, this::start);
        environment.getPropertySources().addFirst(
                new MapPropertySource("sandboxIssuer", Map.of(BASE_URL_PROPERTY, baseUrl)));
    }

    private String start(int port) {
        String baseUrl = startIssuer(port);
        log.info("Sandbox e-voucher issuer at " + baseUrl + "/" + RESIDENT_ISSUER + " and " + baseUrl + "/" + STAFF_ISSUER);
        return baseUrl;
    }

    /** Starts the issuer on loopback (until the JVM ends) and answers its base URL. */
    static String startIssuer(int port) {
        DemoAccounts accounts = DemoAccounts.load();
        OAuth2Config config = new OAuth2Config(true, loginPage(accounts).toString(), null, false,
                new OAuth2TokenProvider(), Set.of(residentIssuer(accounts), staffIssuer(accounts)));
        // Like a real provider, the issuer remembers a browser that signed in until its session ends (sign-out).
        // Beside it, under /mip/, the simulator of the national e-voucher platform (not OpenID Connect).
        MipSimulator mip = new MipSimulator(accounts);
        RememberedSignIns oidc = new RememberedSignIns(config);
        MockOAuth2Server server = new MockOAuth2Server(config, new no.nav.security.mock.oauth2.http.Route() {
            @Override
            public boolean match(no.nav.security.mock.oauth2.http.OAuth2HttpRequest request) {
                return true;
            }

            @Override
            public no.nav.security.mock.oauth2.http.OAuth2HttpResponse invoke(
                    no.nav.security.mock.oauth2.http.OAuth2HttpRequest request) {
                return mip.handles(request) ? mip.invoke(request) : oidc.invoke(request);
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not start the sandbox e-voucher issuer on 127.0.0.1:" + port
                    + " (is the port in use? set PORTAL_SANDBOX_ISSUER_PORT)", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "sandbox-issuer-shutdown"));
        return "http://127.0.0.1:" + server.baseUrl().port();
    }

    private static RequestMappingTokenCallback residentIssuer(DemoAccounts accounts) {
        List<RequestMapping> mappings = accounts.residentsWhoSignIn().stream()
                .map(SandboxIssuerEnvironment::residentMapping)
                .toList();
        return new RequestMappingTokenCallback(RESIDENT_ISSUER, mappings, TOKEN_LIFETIME_SECONDS);
    }

    private static RequestMapping residentMapping(DemoResident resident) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", resident.name());
        claims.put("certno", resident.certno());
        claims.put("psn_no", resident.psnNo());
        claims.put("insuplc_admdvs", resident.region());
        return new RequestMapping(RequestMappingTokenCallback.SUBJECT_PARAM, Pattern.quote(resident.login()), claims, "JWT");
    }

    private static RequestMappingTokenCallback staffIssuer(DemoAccounts accounts) {
        List<RequestMapping> mappings = accounts.staff().stream()
                .map(SandboxIssuerEnvironment::staffMapping)
                .toList();
        return new RequestMappingTokenCallback(STAFF_ISSUER, mappings, TOKEN_LIFETIME_SECONDS);
    }

    private static RequestMapping staffMapping(DemoStaff staff) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", staff.name());
        claims.put("staff_id", staff.staffId());
        claims.put("admdvs", staff.region());
        claims.put("roles", staff.roles());
        claims.put("service_point", staff.servicePoint());
        return new RequestMapping(RequestMappingTokenCallback.SUBJECT_PARAM, Pattern.quote(staff.login()), claims, "JWT");
    }

    /** The issuer's own sign-in page, in Chinese, listing the demo login names. Written to a temporary file. */
    private static Path loginPage(DemoAccounts accounts) {
        try {
            String template = new ClassPathResource("sandbox/issuer-login.html")
                    .getContentAsString(StandardCharsets.UTF_8);
            StringBuilder rows = new StringBuilder();
            accounts.residentsWhoSignIn().forEach(r -> rows.append(row(r.login(), r.description())));
            accounts.staff().forEach(s -> rows.append(row(s.login(), s.description())));
            Path page = Files.createTempFile("sandbox-issuer-login", ".html");
            page.toFile().deleteOnExit();
            Files.writeString(page, template.replace("<!--DEMO_ACCOUNTS-->", rows), StandardCharsets.UTF_8);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(String login, String description) {
        return "<li><code>" + HtmlUtils.htmlEscape(login) + "</code> " + HtmlUtils.htmlEscape(description) + "</li>\n";
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
