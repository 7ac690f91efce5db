package ai.andy.auth.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.andy.auth.config.AuthConfig;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

/**
 * The client's address as far as it can be known: {@code X-Forwarded-For} is believed only as far as it was written
 * by proxies we trust ({@code andy.auth.trusted-proxies}, the gateway). Walking it from the right, the first address
 * that is not a trusted proxy is the client; what lies left of it was written by that client and proves nothing.
 * Addresses are parsed as literals only, never looked up in DNS.
 */
@ApplicationScoped
public class TrustedProxies {
    private final List<IpSubnetFilterRule> blocks;

    @Inject
    TrustedProxies(AuthConfig config) {
        this(config.trustedProxies());
    }

    /** Refuses anything but IP literals and CIDR blocks: a host name here would mean a DNS lookup per request. */
    TrustedProxies(List<String> cidrs) {
        this.blocks = cidrs.stream().map(String::trim).filter(s -> !s.isEmpty()).map(TrustedProxies::block).toList();
    }

    /**
     * @param peer      the TCP peer of the request
     * @param forwarded the request's X-Forwarded-For headers, in order
     */
    public String client(String peer, List<String> forwarded) {
        if (!trusts(peer)) {
            return peer;
        }
        String last = peer;
        for (int h = forwarded.size() - 1; h >= 0; h--) {
            String[] hops = forwarded.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = literal(hops[i]);
                if (hop == null) {
                    if (hops[i].isBlank()) {
                        continue;
                    }
                    return last; // not an address: the trusted proxy after it is the last hop we can vouch for
                }
                if (!trusts(hop)) {
                    return hop.getHostAddress();
                }
                last = hop.getHostAddress();
            }
        }
        return last;
    }

    boolean trusts(String address) {
        InetAddress ip = literal(address);
        return ip != null && trusts(ip);
    }

    private boolean trusts(InetAddress ip) {
        InetSocketAddress socket = new InetSocketAddress(ip, 0);
        return blocks.stream().anyMatch(block -> block.matches(socket));
    }

    private static InetAddress literal(String address) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        return NetUtil.createInetAddressFromIpAddressString(a);
    }

    private static IpSubnetFilterRule block(String cidr) {
        int slash = cidr.indexOf('/');
        InetAddress ip = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        if (ip == null) {
            throw new IllegalArgumentException("trusted proxy '" + cidr + "' is not an IP address or CIDR block");
        }
        int bits = ip.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1).trim());
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("trusted proxy '" + cidr + "' has a prefix outside 0-" + bits);
        }
        return new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT);
    }
}
