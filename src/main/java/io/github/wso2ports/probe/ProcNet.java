package io.github.wso2ports.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The sockets of {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6}: one line a socket, its local
 * address as hexadecimal {@code ADDRESS:PORT} (IPv4 one little-endian word, IPv6 four), its state ({@code 0A} a TCP
 * listener, {@code 07} an unconnected UDP socket) and its inode (Linux {@code net/ipv4/tcp_ipv4.c get_tcp4_sock}).
 */
final class ProcNet {

    private static final String TCP_LISTEN = "0A";
    private static final String UDP_UNCONNECTED = "07";

    private ProcNet() {
    }

    /** The listening (TCP) or bound (UDP) sockets of one such file; lines it cannot read are skipped. */
    static List<Socket> parse(String text, String protocol) {
        List<Socket> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            if (f.length < 10 || !f[0].endsWith(":") || !f[1].contains(":")) {
                continue; // the header, or a line of another form
            }
            boolean bound = protocol.equals("tcp") ? f[3].equals(TCP_LISTEN) : f[3].equals(UDP_UNCONNECTED);
            if (!bound) {
                continue;
            }
            try {
                String[] local = f[1].split(":");
                out.add(new Socket(protocol, address(local[0]), Integer.parseInt(local[1], 16), Long.parseLong(f[9])));
            } catch (RuntimeException e) {
                // a line this reading does not understand tells nothing about the ports asked for
            }
        }
        return out;
    }

    /** An address as the kernel prints it: 8 hex digits (IPv4) or 32 (IPv6), each 32-bit word in host order. */
    static String address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                // little-endian words (x86, ARM): the word's last byte pair is its first byte
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - b) * 2, word * 8 + (4 - b) * 2),
                        16);
            }
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            sb.append(i == 0 ? "" : ":").append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        }
        String full = sb.toString();
        // the usual short forms: every address, loopback, an IPv4 address mapped into IPv6
        return full.equals("0:0:0:0:0:0:0:0") ? "::" : full.equals("0:0:0:0:0:0:0:1") ? "::1"
                : full.startsWith("0:0:0:0:0:ffff:") ? "::ffff:" + (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "."
                        + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff) : full;
    }
}
