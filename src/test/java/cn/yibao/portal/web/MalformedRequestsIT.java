package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.PortalIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * What a browser never sends but anyone can: a CSRF token that is not one, a multipart body whose framing or part
 * headers are broken. Each is the caller's mistake — a 4xx that changes nothing, never a 500.
 */
class MalformedRequestsIT extends PortalIntegrationTest {

    @Test
    void aMalformedCsrfTokenIsRefusedAsForbiddenNotAnError() {
        BrowserSession browser = signIn.as("wenshui-tekun");
        browser.page("/home");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("not base64", "!!!!");
        tokens.put("a percent sign", "%");
        tokens.put("one character", "a");
        tokens.put("valid base64, too short", "AAAA");
        tokens.put("base64 with padding in the middle", "AA==AA==");
        tokens.put("URL-safe base64 of the wrong length", "-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-");
        tokens.put("10,000 characters", "A".repeat(10_000));
        tokens.put("a NUL", "\u0000");
        SoftAssertions softly = new SoftAssertions();
        // As a raw form body: percent-encoding that does not decode.
        for (String raw : new String[] {"_csrf=%", "_csrf=%ZZ", "_csrf=%E4%B8", "_csrf=abc%2", "certno=%G0&_csrf=x"}) {
            EntityExchangeResult<byte[]> answer = browser.client().post().uri("/family/bind")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue(raw)
                    .exchange().expectBody().returnResult();
            softly.assertThat(answer.getStatus().value()).as("form body " + raw).isBetween(400, 499);
        }
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            EntityExchangeResult<byte[]> answer = browser.client().post().uri("/family/bind")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("_csrf", token.getValue()).with("certno", "x").with("name", "y"))
                    .exchange().expectBody().returnResult();
            softly.assertThat(answer.getStatus().value()).as("CSRF token: " + token.getKey()).isEqualTo(403);
        }
        softly.assertAll();
        assertThat(browser.page("/home")).as("still signed in, nothing changed").contains("赵**");
    }

    @Test
    void aMultipartBodyWithBrokenFramingOrPartHeadersIsABadRequestNotAnError() {
        BrowserSession staff = signIn.asStaff("staff-wenshui");
        String csrf = BrowserSession.csrf(staff.page("/staff"));
        Map<String, String[]> bodies = new LinkedHashMap<>();
        String boundary = "----portal-test-boundary";
        bodies.put("a part header without a colon", new String[] {"multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Disposition form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary + "--\r\n"});
        bodies.put("a part header line of 20,000 characters", new String[] {"multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nX-Long: " + "h".repeat(20_000) + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                        + csrf + "\r\n--" + boundary + "--\r\n"});
        bodies.put("a part without Content-Disposition", new String[] {"multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\n" + csrf + "\r\n--" + boundary + "--\r\n"});
        bodies.put("a Content-Disposition without a name", new String[] {"multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Disposition: form-data; filename=\"a.png\"\r\n\r\nxx\r\n--" + boundary + "--\r\n"});
        bodies.put("an unterminated header block", new String[] {"multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n"});
        bodies.put("no closing boundary", new String[] {"multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf});
        bodies.put("no boundary parameter", new String[] {"multipart/form-data",
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary + "--\r\n"});
        bodies.put("a malformed part Content-Type", new String[] {"multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\nContent-Type: ///;;;\r\n\r\n"
                        + csrf + "\r\n--" + boundary + "--\r\n"});
        bodies.put("a malformed Content-Disposition", new String[] {"multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf; filename*=x''%ZZ\r\n\r\n"
                        + csrf + "\r\n--" + boundary + "--\r\n"});
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String[]> body : bodies.entrySet()) {
            EntityExchangeResult<byte[]> answer = staff.client().post().uri("/staff/verify/image")
                    .header("Content-Type", body.getValue()[0])
                    .bodyValue(body.getValue()[1].getBytes(StandardCharsets.UTF_8))
                    .exchange().expectBody().returnResult();
            // 4xx, or (a header line over the parser's limit) the page that says the upload was too large.
            softly.assertThat(answer.getStatus().value() == 303
                    ? answer.getResponseHeaders().getLocation().getPath() : String.valueOf(answer.getStatus().value()))
                    .as("multipart with " + body.getKey()).matches("4\\d\\d|/upload-too-large");
        }
        softly.assertAll();
        assertThat(staff.page("/staff")).as("the counter page still works").contains("upload-form");
    }
}
