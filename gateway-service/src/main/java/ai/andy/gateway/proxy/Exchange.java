package ai.andy.gateway.proxy;

import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * One request on its way through the gateway: the client's body pumped to the service as it arrives (with
 * back-pressure both ways), the wait for the service's response headers, then the response body streamed back.
 * Everything runs on the request's event loop, so the fields need no locking.
 */
final class Exchange {
    private final RoutingContext ctx;
    private final Upstream upstream;
    private final long declaredLength;
    private final long maxBodySize;
    private HttpClientRequest outbound;
    private Promise<HttpClientResponse> headersArrived;
    private long received;
    private long timer = -1;
    private boolean clientGone;
    private boolean bodyTooLarge;
    private boolean responded;

    Exchange(RoutingContext ctx, Upstream upstream, long declaredLength, long maxBodySize) {
        this.ctx = ctx;
        this.upstream = upstream;
        this.declaredLength = declaredLength;
        this.maxBodySize = maxBodySize;
        // Called with a failure when the client's connection closes before the answer is complete.
        ctx.addEndHandler(done -> {
            if (done.failed()) {
                clientGone = true;
                abort(new ClientGone("client closed the connection"));
            }
        });
    }

    boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    /** Inside the circuit breaker: open a request to the service and complete with its response headers. */
    void send(RequestOptions options, Promise<HttpClientResponse> promise) {
        headersArrived = promise;
        upstream.client().request(options).onComplete(opened -> {
            if (opened.failed()) {
                promise.tryFail(opened.cause());
                return;
            }
            outbound = opened.result();
            if (clientGone) {
                abort(new ClientGone("client closed the connection"));
                return;
            }
            if (declaredLength >= 0) {
                outbound.putHeader("Content-Length", String.valueOf(declaredLength));
            }
            outbound.response().onComplete(response -> {
                responded = true;
                cancelTimer();
                if (response.succeeded()) {
                    // Hold the body until relay() pipes it: nothing may be lost in between.
                    response.result().pause();
                    // Until the pipe takes over, a reset (client gone) is expected, not worth Vert.x's ERROR log.
                    response.result().exceptionHandler(e -> {
                    });
                    promise.tryComplete(response.result());
                } else {
                    promise.tryFail(response.cause());
                }
            });
            pumpBody();
        });
    }

    private void pumpBody() {
        HttpServerRequest in = ctx.request();
        if ("100-continue".equalsIgnoreCase(in.getHeader("Expect"))) {
            ctx.response().writeContinue(); // the body is wanted: a too-large one was refused before getting here
        }
        if (in.isEnded()) {
            outbound.end();
            startTimer();
            return;
        }
        in.handler(chunk -> {
            received += chunk.length();
            if (received > maxBodySize) {
                bodyTooLarge = true;
                in.pause();
                abort(new ClientGone("request body too large"));
                return;
            }
            if (declaredLength < 0 && !outbound.isChunked()) {
                outbound.setChunked(true); // a body of unknown length: pass it on in chunks as well
            }
            outbound.write(chunk);
            if (outbound.writeQueueFull()) {
                in.pause();
                outbound.drainHandler(v -> in.resume());
            }
        });
        in.exceptionHandler(e -> abort(new ClientGone("client request failed")));
        in.endHandler(v -> {
            if (!bodyTooLarge) {
                outbound.end();
                startTimer();
            }
        });
    }

    /** Streams the service's answer to the client, headers first, then each body chunk as it comes. */
    void relay(HttpClientResponse response) {
        HttpServerResponse out = ctx.response();
        if (out.ended() || out.closed() || clientGone) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        Headers.copyResponse(response.headers(), out.headers());
        if (!out.headers().contains("Content-Length") && hasBody(response.statusCode())) {
            out.setChunked(true);
        }
        response.pipe().endOnFailure(false).to(out).onFailure(e -> {
            // The service broke off mid-answer (or the client left): never let a cut body look complete.
            if (!out.closed()) {
                out.reset();
            }
            response.request().reset();
        });
    }

    private boolean hasBody(int status) {
        return ctx.request().method() != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }

    private void abort(RuntimeException why) {
        cancelTimer();
        // Fail first: resetting fails the pending response too, and the first failure is the one that counts.
        if (headersArrived != null) {
            headersArrived.tryFail(why);
        }
        if (outbound != null) {
            outbound.reset(0, why);
        }
    }

    /** The route's timeout runs from the end of the request body to the response headers; streams may last longer. */
    private void startTimer() {
        if (responded) {
            return; // the service answered before the client finished sending
        }
        timer = ctx.vertx().setTimer(upstream.timeout().toMillis(), id -> {
            timer = -1;
            UpstreamTimeout timeout = new UpstreamTimeout();
            headersArrived.tryFail(timeout);
            outbound.reset(0, timeout);
        });
    }

    private void cancelTimer() {
        if (timer >= 0) {
            ctx.vertx().cancelTimer(timer);
            timer = -1;
        }
    }
}
