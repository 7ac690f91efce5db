package ai.andy.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import ai.andy.gateway.support.Api;
import ai.andy.gateway.support.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The web page for trying Andy is served by the gateway itself, at the root, with no access token. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class WebPageTest {

    @Test
    void theRootServesTheWebPage() {
        String page = Api.anonymous().when().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                // Revalidated on every load, so an upgrade shows at once; never framed by another site.
                .header("Cache-Control", containsString("max-age=0"))
                .header("X-Frame-Options", "DENY")
                .extract().asString();

        String script = Api.anonymous().when().get("/app.js").then().statusCode(200)
                .contentType(containsString("javascript")).extract().asString();
        Api.anonymous().when().get("/app.css").then().statusCode(200).contentType(startsWith("text/css"));

        assertThat(page).contains("<title>Andy</title>", "/q/swagger-ui/", "src=\"/app.js\"", "href=\"/app.css\"");
        assertThat(script).contains("/api/auth/login", "/api/chat/conversations", "andy.v1");
        // Self-contained: works offline, nothing is loaded from another origin.
        assertThat(page).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//");
    }

    @Test
    void thePageRunsOnlyTheGatewaysOwnFiles() {
        String page = Api.anonymous().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .extract().asString();
        // What the policy would block must not be needed: no inline script, style or event handler.
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(page).doesNotContain("<style", " style=");
        assertThat(page).doesNotContainPattern("\\son[a-z]+\\s*=");
    }

    @Test
    void changesFromThePageAlwaysCarryAnIdempotencyKey() {
        String script = Api.anonymous().when().get("/app.js").then().statusCode(200).extract().asString();
        // Every request goes through send(), which gives each change a key (the same one when call() retries).
        assertThat(script).contains("function withIdempotencyKey(", "withIdempotencyKey(opts)");
        assertThat(script.split("await fetch\\(", -1)).hasSize(2);
    }

    @Test
    void indexHtmlIsTheSamePage() {
        String root = Api.anonymous().when().get("/").then().statusCode(200).extract().asString();
        String index = Api.anonymous().when().get("/index.html").then().statusCode(200).extract().asString();

        assertThat(index).isEqualTo(root);
    }
}
