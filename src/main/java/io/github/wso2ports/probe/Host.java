package io.github.wso2ports.probe;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What the probe asks of the machine it runs on; read-only but for a bind it releases at once. */
public interface Host {

    /** The sockets bound now; empty when they cannot be read (not Linux, no /proc). */
    Optional<List<Socket>> sockets();

    /** The process holding a socket, when this user can see it. */
    OptionalLong holder(long inode);

    /** A process's command line, program first; empty when it cannot be read. */
    Optional<List<String>> commandLine(long pid);

    /** What binding the port on every address says now: free, taken by some owner, or nothing (no right to bind it). */
    Bind bind(String protocol, int port);

    enum Bind { FREE, TAKEN, CANNOT_TELL }
}
