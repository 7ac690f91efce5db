package ai.andy.gateway.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

/**
 * A list of CIDR blocks ({@code 10.0.0.0/8}, {@code ::1/128}, or a bare address) whose forwarding headers are
 * believed. Addresses are parsed as literals only: a host name in a header must never cause a DNS lookup.
 */
public final class TrustedProxies {
    private final List<IpSubnetFilterRule> blocks;

    public TrustedProxies(List<String> cidrs) {
        this.blocks = cidrs.stream().map(String::trim).filter(s -> !s.isEmpty()).map(TrustedProxies::block).toList();
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether the address (an IP literal, optionally in brackets) lies in a trusted block; anything else is not. */
    public boolean trusts(String address) {
        InetAddress ip = literal(address);
        if (ip == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(ip, 0);
        for (IpSubnetFilterRule block : blocks) {
            if (block.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client behind a chain of proxies: walking {@code X-Forwarded-For} from the right (the entry our peer added),
     * the first address not trusted. Entries left of it were written by whoever sent the request and prove nothing.
     *
     * @param peer      the address of the connection's other end
     * @param forwarded the X-Forwarded-For values as received (several headers are read as one list), or empty
     */
    public String client(String peer, List<String> forwarded) {
        if (!trusts(peer)) {
            return peer;
        }
        String last = peer;
        for (int h = forwarded.size() - 1; h >= 0; h--) {
            String[] hops = forwarded.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].trim();
                if (hop.isEmpty()) {
                    continue;
                }
                if (literal(hop) == null) {
                    return last; // garbage: the proxy that appended after it is the last address we can vouch for
                }
                if (!trusts(hop)) {
                    return normalize(hop);
                }
                last = normalize(hop);
            }
        }
        return last;
    }

    static InetAddress literal(String address) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        return NetUtil.createInetAddressFromIpAddressString(a);
    }

    private static String normalize(String address) {
        return literal(address).getHostAddress();
    }

    private static IpSubnetFilterRule block(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        InetAddress ip = literal(address);
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
