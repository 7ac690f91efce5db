package ai.andy.auth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Who the client is behind the gateway. The trusted list is the one auth-service ships with (the loopback, where the
 * gateway runs beside it under ./andy up) plus a private range, as Kubernetes configures it.
 */
class TrustedProxiesTest {
    private final TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.1/32", "::1/128", "10.0.0.0/8"));

    @Test
    void aPeerThatIsNotTrustedIsTheClientWhateverItClaims() {
        assertThat(proxies.client("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void theClientIsTheRightMostAddressNoTrustedProxyWrote() {
        assertThat(proxies.client("127.0.0.1", List.of("198.51.100.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.client("::1", List.of("198.51.100.1, 203.0.113.9, 10.1.2.3"))).isEqualTo("203.0.113.9");
        assertThat(proxies.client("0:0:0:0:0:0:0:1", List.of("198.51.100.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.client("127.0.0.1", List.of("[2001:db8::7]"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void withoutForwardingHeadersOrWithGarbageTheLastTrustedHopIsAllThatIsKnown() {
        assertThat(proxies.client("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(proxies.client("127.0.0.1", List.of("10.9.9.9, not-an-address"))).isEqualTo("127.0.0.1");
        assertThat(proxies.client("127.0.0.1", List.of("attacker.example, 10.9.9.9"))).isEqualTo("10.9.9.9");
    }

    @Test
    void onlyAddressesAndBlocksAreAcceptedNeverHostNames() {
        // Quarkus' own trusted-proxies setting read "::1" as a host name and looked it up in DNS on every request:
        // a lost reply stalled that request for the resolver's 5 s timeout.
        assertThatThrownBy(() -> new TrustedProxies(List.of("gateway.internal")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TrustedProxies(List.of("::1")).trusts("::1")).isTrue();
    }
}
