package ai.andy.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import ai.andy.gateway.support.Api;
import ai.andy.gateway.support.GatewayTestProfile;
import ai.andy.gateway.support.RawHttp;
import ai.andy.gateway.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Bodies pass through as they come, both ways; only the size limit stops them. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class StreamingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void serverSentEventsArriveBeforeTheServiceHasFinished() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(gateway("/api/stream-probe/sse/" + id))
                .header("Authorization", "Bearer " + Tokens.access(Tokens.newUserId()))
                .header("Accept", "text/event-stream").build();

        HttpResponse<InputStream> response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));

        // The service sends its second event only once we release it: a gateway that buffered would stall here.
        assertThat(CompletableFuture.supplyAsync(() -> readLine(events)).get(10, TimeUnit.SECONDS))
                .isEqualTo("data: first");
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Api.streamingPort() + "/release/" + id))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        String rest = CompletableFuture.supplyAsync(() -> readRest(events)).get(10, TimeUnit.SECONDS);
        assertThat(rest).isEqualTo("\ndata: second\n\n");
    }

    @Test
    void uploadsReachTheServiceWhileTheClientIsStillSending() throws Exception {
        String id = UUID.randomUUID().toString();
        try (RawHttp http = new RawHttp()) {
            http.send("POST /api/stream-probe/upload/" + id + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.access(Tokens.newUserId()) + "\r\n"
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            http.chunk(new byte[1000]);
            await().atMost(Duration.ofSeconds(10)).until(() -> seenByService(id) == 1000);
            http.chunk(new byte[500]).lastChunk();
            assertThat(http.readAll()).startsWith("HTTP/1.1 200").contains("{\"received\":1500}");
        }
    }

    @Test
    void declaredBodyOverTheLimitIsRefusedWith413() {
        String path = "/api/email/attachments-" + UUID.randomUUID();
        Api.as(Tokens.newUserId()).contentType("application/octet-stream")
                .body(new byte[GatewayTestProfile.MAX_BODY_KIB * 1024 + 1])
                .when().post(path).then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
        Api.service("email").verifyThat(0, postRequestedFor(urlPathEqualTo(path)));

        Api.as(Tokens.newUserId()).contentType("application/octet-stream")
                .body(new byte[GatewayTestProfile.MAX_BODY_KIB * 1024])
                .when().post(path).then().statusCode(200);
    }

    @Test
    void streamedBodyOverTheLimitIsCutOffWith413() throws Exception {
        String id = UUID.randomUUID().toString();
        try (RawHttp http = new RawHttp()) {
            http.send("POST /api/stream-probe/upload/" + id + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.access(Tokens.newUserId()) + "\r\n"
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            for (int i = 0; i < 4; i++) {
                http.chunk(new byte[GatewayTestProfile.MAX_BODY_KIB * 1024 / 4 + 100]);
            }
            http.lastChunk();
            assertThat(http.readAll()).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
        assertThat(seenByService(id)).isLessThanOrEqualTo(GatewayTestProfile.MAX_BODY_KIB * 1024);
    }

    @Test
    void expectContinueIsAnsweredByTheGatewayBeforeTheBodyIsSent() throws Exception {
        String token = Tokens.access(Tokens.newUserId());
        try (RawHttp tooLarge = new RawHttp()) {
            tooLarge.send("POST /api/stream-probe/upload/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nExpect: 100-continue\r\nConnection: close\r\n"
                    + "Content-Length: " + (GatewayTestProfile.MAX_BODY_KIB * 1024 + 1) + "\r\n\r\n");
            assertThat(tooLarge.readAll()).startsWith("HTTP/1.1 413"); // refused without a byte of the body
        }
        String id = UUID.randomUUID().toString();
        try (RawHttp welcome = new RawHttp()) {
            welcome.send("POST /api/stream-probe/upload/" + id + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nExpect: 100-continue\r\nConnection: close\r\n"
                    + "Content-Length: 3\r\n\r\n");
            assertThat(welcome.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            welcome.send("abc");
            assertThat(welcome.readAll()).contains("HTTP/1.1 200").contains("{\"received\":3}");
        }
    }

    private static long seenByService(String id) throws Exception {
        return Long.parseLong(HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + Api.streamingPort() + "/seen/" + id)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static URI gateway(String path) {
        return URI.create("http://127.0.0.1:"
                + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class) + path);
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readRest(BufferedReader reader) {
        StringBuilder rest = new StringBuilder();
        for (String line; (line = readLine(reader)) != null;) {
            rest.append(line).append('\n');
        }
        return rest.toString();
    }
}
