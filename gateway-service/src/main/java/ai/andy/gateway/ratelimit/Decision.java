package ai.andy.gateway.ratelimit;

/**
 * What a bucket said about one request.
 *
 * @param allowed          whether the request may go on
 * @param limit            the bucket's capacity (0 when no limit was applied)
 * @param remaining        whole requests left right now
 * @param resetSeconds     seconds until the bucket is full again
 * @param retryAfterSeconds seconds until the next request would be allowed (0 when allowed)
 */
public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    /** Redis did not answer: the request goes through without limit headers (limits fail open, see RateLimiter). */
    public static final Decision UNLIMITED = new Decision(true, 0, 0, 0, 0);

    public boolean applied() {
        return limit > 0;
    }
}
