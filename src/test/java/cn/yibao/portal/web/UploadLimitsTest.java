package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadLimitsTest {

    @ParameterizedTest(name = "from {0} the explanation leads to {1}")
    @CsvSource({
            "http://portal.example/staff/imports, /upload-too-large?back=/staff/imports",
            "http://portal.example/filing/new, /upload-too-large?back=/filing/new",
            "http://other.example/staff/imports, /upload-too-large",
            "http://portal.example:8443/staff/imports, /upload-too-large",
            "http://portal.example//evil.example/x, /upload-too-large",
            "'http://portal.example/x\"><script>', /upload-too-large",
            "not a url at all %%, /upload-too-large"})
    void anOversizedUploadLeadsBackOnlyToAFormOfThisSite(String referer, String expected) {
        assertThat(UploadLimits.pageLeadingBackTo(referer, URI.create("http://portal.example/staff/imports")))
                .hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({"/home, true", "/staff/imports, true", "//evil.example, false", "https://evil.example, false",
            "/a?b=c, false", "'', false"})
    void onlyPlainPathsOfThisSiteAreLinkedBackTo(String path, boolean local) {
        assertThat(UploadLimits.isLocalPath(path)).isEqualTo(local);
    }
}
