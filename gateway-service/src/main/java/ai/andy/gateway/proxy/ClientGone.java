package ai.andy.gateway.proxy;

/** The exchange ended on the client's side (it hung up, or its body was too large): not the service's fault. */
class ClientGone extends RuntimeException {
    ClientGone(String why) {
        super(why, null, false, false);
    }
}
