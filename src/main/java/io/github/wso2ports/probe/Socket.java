package io.github.wso2ports.probe;

/**
 * A socket bound on this machine, as the kernel lists it: a TCP listener or a bound UDP socket.
 *
 * @param address the address it is bound to ({@code 0.0.0.0} or {@code ::} for every address)
 * @param inode   the socket's inode, by which the process holding it is found
 */
public record Socket(String protocol, String address, int port, long inode) {
}
