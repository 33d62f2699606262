package cn.yibao.portal.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.identity.domain.ReturnPath.Audience;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/benefits?year=2024", "/benefits", "/filing/new/LONG_TERM_RESIDENCE?insured=SELF",
            "/payment/new?year=2024", "/family", "/contribution?year=2024&lang=en", "/verify?t=AQAB-_x"})
    void aPageOfThisSiteIsWhereAResidentReturns(String path) {
        assertThat(ReturnPath.safe(path, Audience.RESIDENT)).hasValue(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/benefits", "http://evil.example", "//evil.example/benefits",
            "/\\evil.example", "\\\\evil.example", "evil.example/benefits", "javascript:alert(1)",
            "/benefits\r\nSet-Cookie: x=1", "/bene fits", "/%0d%0a", "", "/", "/logout", "/oauth2/authorization/evoucher",
            "/login/oauth2/code/evoucher?code=x", "/api/v1/me", "/css/portal.css", "/staff", "/staff/filings",
            "/benefits#x", "/a/../staff", "///evil.example", "/\tevil", "ftp://evil.example/x", "/%2F%2Fevil.example", "/%5Cevil.example"})
    void anythingElseIsRefusedForAResident(String candidate) {
        assertThat(ReturnPath.safe(candidate, Audience.RESIDENT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/staff", "/staff/filings", "/staff/filings/8d2c0d3e-1f0a-4b7e-9f3c-2a1b0c9d8e7f",
            "/verify?t=AQAB"})
    void staffReturnToTheCounterSPages(String path) {
        assertThat(ReturnPath.safe(path, Audience.STAFF)).hasValue(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/benefits?year=2024", "/home", "https://evil.example/staff", "//evil.example/staff"})
    void staffDoNotReturnToAResidentsPagesOrElsewhere(String candidate) {
        assertThat(ReturnPath.safe(candidate, Audience.STAFF)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nothingOrTooLongIsNowhere() {
        assertThat(ReturnPath.safe(null, Audience.RESIDENT)).isEmpty();
        assertThat(ReturnPath.safe("/benefits?x=" + "a".repeat(ReturnPath.MAX_LENGTH), Audience.RESIDENT)).isEmpty();
    }
}
