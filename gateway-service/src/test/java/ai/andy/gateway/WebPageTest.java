package ai.andy.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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

        assertThat(page).contains("<title>Andy</title>", "/api/auth/login", "/api/chat/conversations", "andy.v1",
                "/q/swagger-ui/");
        // Self-contained: works offline, nothing is loaded from another origin.
        assertThat(page).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//");
    }

    @Test
    void indexHtmlIsTheSamePage() {
        String root = Api.anonymous().when().get("/").then().statusCode(200).extract().asString();
        String index = Api.anonymous().when().get("/index.html").then().statusCode(200).extract().asString();

        assertThat(index).isEqualTo(root);
    }
}
