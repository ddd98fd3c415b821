package org.suyuan.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A client's coarse network: the IPv4 /24 or IPv6 /48 its address belongs to. What the scan log, the audit log and
 * the login throttle count by: one household, office or mobile cell shares it, and it says where a request came
 * from without saying who sent it. The address is the one the servlet container settled on (the socket's peer, or
 * what a trusted proxy named: see {@link TrustedProxyProperties}).
 */
public final class ClientNetworks {

    /** What an address that is not a literal IP address counts as. */
    public static final String UNKNOWN = "unknown";

    private ClientNetworks() {}

    /** The /24 or /48 the address belongs to, as text ({@code 203.0.113.0/24}); {@link #UNKNOWN} for anything else. */
    public static String of(String clientAddress) {
        // Only literal addresses: getByName would otherwise look a host name up in DNS.
        if (clientAddress == null || !clientAddress.strip().matches("[0-9A-Fa-f:.]{2,45}")) {
            return UNKNOWN;
        }
        try {
            byte[] address = InetAddress.getByName(clientAddress.strip()).getAddress();
            int keep = address.length == 4 ? 3 : 6;
            byte[] prefix = Arrays.copyOf(address, address.length);
            Arrays.fill(prefix, keep, prefix.length, (byte) 0);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/" + (keep * 8);
        } catch (UnknownHostException notAnAddress) {
            return UNKNOWN;
        }
    }
}
