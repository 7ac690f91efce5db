package ai.andy.gateway.proxy;

/** The service accepted the request but sent no response headers within the route's timeout. */
class UpstreamTimeout extends RuntimeException {
    UpstreamTimeout() {
        super("no response in time", null, false, false);
    }
}
