package org.suyuan.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code suyuan.security.trusted-proxies}: the reverse proxies and load balancers in front of the service, as
 * addresses or CIDR blocks ({@code 10.0.0.7}, {@code 10.0.0.0/24}, {@code fd00::/8}). Only a request that arrives
 * from one of them has its {@code X-Forwarded-For} and {@code X-Forwarded-Proto} believed. Empty (the default)
 * trusts no one: the client is the socket's peer, whatever headers it sends, so that nobody can pose as six places
 * at once and mark a genuine label as copied.
 *
 * @param trustedProxies the proxies' addresses or CIDR blocks; each is normalised to a CIDR block
 */
@ConfigurationProperties("suyuan.security")
public record TrustedProxyProperties(@DefaultValue List<String> trustedProxies) {

    public TrustedProxyProperties {
        trustedProxies = trustedProxies.stream()
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(TrustedProxyProperties::cidr)
                .toList();
    }

    /** An address or block as Tomcat's proxy list reads it: always with a prefix length. */
    private static String cidr(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        // Literal addresses only: a host name would be looked up in DNS, and a proxy list must not depend on it.
        if (!address.matches("[0-9A-Fa-f:.]{2,45}")) {
            throw invalid(entry);
        }
        int bits;
        try {
            bits = InetAddress.getByName(address).getAddress().length * 8;
        } catch (UnknownHostException notAnAddress) {
            throw invalid(entry);
        }
        if (slash < 0) {
            return address + "/" + bits;
        }
        try {
            int prefix = Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw invalid(entry);
            }
        } catch (NumberFormatException notANumber) {
            throw invalid(entry);
        }
        return entry;
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("suyuan.security.trusted-proxies: '" + entry
                + "' is not an IP address or CIDR block (for example 10.0.0.7 or 10.0.0.0/24)");
    }
}
