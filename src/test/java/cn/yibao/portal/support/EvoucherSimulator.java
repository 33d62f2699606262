package cn.yibao.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Walks the national e-voucher sign-in over HTTP the way a browser does: portal {@code /login/evoucher} → the
 * sandbox simulator's authorization page → a choice on it → the portal's callback, in one {@link BrowserSession}.
 */
public class EvoucherSimulator {

    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");

    private final WebTestClient portal;
    private final WebTestClient simulator;

    private final String simulatorBaseUrl;

    public EvoucherSimulator(WebTestClient portal, String issuerBaseUrl) {
        this.portal = portal;
        this.simulatorBaseUrl = issuerBaseUrl;
        this.simulator = WebTestClient.bindToServer().baseUrl(issuerBaseUrl).responseTimeout(Duration.ofSeconds(20)).build();
    }

    public BrowserSession newBrowser() {
        return new BrowserSession(portal);
    }

    /** The portal's redirect to the authorization page; the browser's session now holds the one-time state. */
    public URI start(BrowserSession browser) {
        URI location = browser.client().get().uri("/login/evoucher").exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        return location;
    }

    /** The authorization page as the simulator shows it for this request. */
    public EntityExchangeResult<String> authorizationPage(URI authorize) {
        return simulator.get().uri(authorize).exchange().expectBody(String.class).returnResult();
    }

    /** Chooses on the authorization page: a demo login, optionally authorising for a family member's psn_no. */
    public URI choose(URI authorize, String login, String forPsnNo) {
        return choose(authorize, login, forPsnNo, null);
    }

    /**
     * Chooses on the authorization page; with {@code personJson} (claims as {@link FreshResidents} makes them) a
     * made-up person typed into the simulator's test box instead of a demo login.
     */
    public URI choose(URI authorize, String login, String forPsnNo, String personJson) {
        String page = authorizationPage(authorize).getResponseBody();
        Matcher matcher = REQUEST_ID.matcher(page == null ? "" : page);
        assertThat(matcher.find()).as("the authorization page was shown: %s", page).isTrue();
        var form = BodyInserters.fromFormData("request", matcher.group(1));
        if ("cancel".equals(login)) {
            form = form.with("action", "cancel");
        } else if (personJson != null) {
            form = form.with("person", personJson);
        } else {
            form = form.with("login", login);
            if (forPsnNo != null) {
                form = form.with("for", forPsnNo);
            }
        }
        URI back = simulator.post().uri("/mip/authorize").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).exchange().expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(back).as("the simulator sends the browser back").isNotNull();
        return back;
    }

    /**
     * An authCode as the mobile app's e-voucher SDK would obtain it: the authorization page with the app's own
     * return address, the resident's choice, the code from the return.
     */
    public String appAuthCode(String login) {
        URI authorize = URI.create(simulatorBaseUrl + "/mip/authorize?bizType=04107&cityCode=141100&channel=AppH5"
                + "&orgChnlCrtfCodg=BqK1kMStlhVDgN2uHf4EsLK/F-SANDBOX&orgCodg=H14112100001&orgAppId=SANDBOX-MIP-APP-0001"
                + "&state=app&redirectUrl=http%3A%2F%2Flocalhost%2Fapp-callback");
        return queryParam(choose(authorize, login, null), "authCode");
    }

    /** Follows the return into the portal; answers where the portal sends the browser. */
    public URI callback(BrowserSession browser, URI back) {
        return browser.client().get().uri(back).exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();
    }

    /** A browser signed in through the e-voucher as a demo login, on its way to /home. */
    public BrowserSession as(String login) {
        return as(login, null);
    }

    /** A browser signed in through the e-voucher as a demo login, or as a made-up person (claims JSON). */
    public BrowserSession as(String login, String personJson) {
        BrowserSession browser = newBrowser();
        URI landing = callback(browser, choose(start(browser), login, null, personJson));
        assertThat(landing).hasPath("/home");
        return browser;
    }

    public static String queryParam(URI uri, String name) {
        String value = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
        return value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
