package ai.andy.email.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a person's client receives as mail HTML: formatting and links yes, anything active or tracking no. */
class HtmlSanitizerTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void dropsScriptsStylesFramesFormsAndEventHandlers() {
        String clean = sanitizer.sanitize("<p onclick=\"steal()\">Hi <b>there</b></p><script>alert(1)</script>"
                + "<iframe src=\"https://evil.example\"></iframe><form action=\"https://evil.example\"><input></form>"
                + "<style>body{display:none}</style><a href=\"javascript:alert(1)\">x</a>"
                + "<div onmouseover=\"x()\" style=\"background:url(https://t.example/p.gif)\">d</div>");
        assertThat(clean).contains("<b>there</b>").doesNotContain("onclick", "onmouseover", "<script", "alert(1)",
                "<iframe", "<form", "<input", "<style", "javascript:", "t.example");
    }

    @Test
    void removesRemoteImagesButKeepsInlineOnes() {
        String clean = sanitizer.sanitize("<img src=\"https://tracker.example/open.gif?u=42\" alt=\"pixel\">"
                + "<img src=\"cid:logo@mail\" alt=\"logo\"><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">");
        assertThat(clean).doesNotContain("tracker.example").doesNotContain("pixel")
                .contains("cid:logo@mail").contains("data:image/png;base64");
    }

    @Test
    void linksOpenOutsideWithoutReferrer() {
        String clean = sanitizer.sanitize("<a href=\"https://example.org/report\">report</a>");
        assertThat(clean).contains("href=\"https://example.org/report\"").contains("noreferrer")
                .contains("target=\"_blank\"");
    }

    @Test
    void nothingStaysNothing() {
        assertThat(sanitizer.sanitize(null)).isNull();
    }
}
