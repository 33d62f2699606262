package cn.yibao.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.BrowserSession;
import cn.yibao.portal.support.FreshResidents;
import cn.yibao.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * On one node (sessions in memory): 在所有设备上退出 ends every session of the person and nobody else's; it is
 * audited.
 */
class SignOutEverywhereIT extends PortalIntegrationTest {

    @Test
    void signingOutEverywhereEndsAllOfThePersonsSessionsAndNoOneElses() {
        String claims = FreshResidents.adultIn("141121", "栾小川");
        String login = "everywhere-" + System.nanoTime();
        BrowserSession phone = signIn.as(login, claims);
        BrowserSession counter = signIn.as(login, claims);
        BrowserSession someoneElse = signIn.as("everywhere-other-" + System.nanoTime(),
                FreshResidents.adultIn("141121", "栾大川"));
        counter.page("/home");
        someoneElse.page("/home");
        long everywhereBefore = count("select count(*) from audit_event where action = 'SIGN_OUT_EVERYWHERE'");

        String home = phone.page("/home");
        assertThat(home).contains("在所有设备上退出登录");
        phone.client().post().uri("/logout/everywhere").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", BrowserSession.csrf(home)))
                .exchange().expectStatus().is3xxRedirection();

        counter.client().get().uri("/home").exchange().expectStatus().is3xxRedirection();
        phone.client().get().uri("/home").exchange().expectStatus().is3xxRedirection();
        someoneElse.client().get().uri("/home").exchange().expectStatus().isOk();
        assertThat(count("select count(*) from audit_event where action = 'SIGN_OUT_EVERYWHERE'"))
                .isEqualTo(everywhereBefore + 1);
    }

    @Test
    void withoutTheCsrfTokenNothingIsEnded() {
        BrowserSession browser = signIn.as("everywhere-csrf-" + System.nanoTime(),
                FreshResidents.adultIn("141121", "栾中川"));
        browser.page("/home");

        browser.client().post().uri("/logout/everywhere").exchange().expectStatus().isForbidden();
        browser.client().get().uri("/home").exchange().expectStatus().isOk();
    }
}
