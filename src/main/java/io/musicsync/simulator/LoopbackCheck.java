package io.musicsync.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Decides whether a request's remote address is this machine, for the test-support endpoints. */
final class LoopbackCheck {

    // Only IP literals are looked at, so no name is ever resolved through DNS.
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]+(%\\w+)?]?");

    private LoopbackCheck() {}

    static boolean isLoopback(String remoteAddress) {
        if (remoteAddress == null || !IP_LITERAL.matcher(remoteAddress).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
