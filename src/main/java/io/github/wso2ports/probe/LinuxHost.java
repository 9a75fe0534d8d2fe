package io.github.wso2ports.probe;

import io.github.wso2ports.apply.RunningServer;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * This machine as {@code /proc} shows it: the sockets of {@code net/tcp}, {@code tcp6}, {@code udp} and {@code udp6},
 * and their holders from each process's {@code fd/} links ({@code socket:[inode]}), as far as this user may read them.
 * Where there is no {@code /proc} (not Linux), the sockets cannot be read and a bind tells whether a port is taken.
 */
public final class LinuxHost implements Host {

    private final Path proc;
    private Map<Long, Long> holders;

    /** @param proc the proc file system ({@code /proc}; a sample folder in tests) */
    public LinuxHost(Path proc) {
        this.proc = proc;
    }

    public static Host system() {
        return new LinuxHost(Path.of("/proc"));
    }

    @Override
    public Optional<List<Socket>> sockets() {
        List<Socket> out = new ArrayList<>();
        boolean any = false;
        for (String file : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path p = proc.resolve("net").resolve(file);
            try {
                String text = Files.readString(p, StandardCharsets.ISO_8859_1);
                any = true;
                out.addAll(ProcNet.parse(text, file.startsWith("tcp") ? "tcp" : "udp"));
            } catch (IOException | SecurityException e) {
                // no such file (IPv6 off, not Linux): the others still tell
            }
        }
        return any ? Optional.of(out) : Optional.empty();
    }

    @Override
    public OptionalLong holder(long inode) {
        if (holders == null) {
            holders = scan();
        }
        Long pid = holders.get(inode);
        return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
    }

    /** Every socket inode this user can see a process hold, with the process. */
    private Map<Long, Long> scan() {
        Map<Long, Long> out = new HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path dir : pids) {
                long pid;
                try {
                    pid = Long.parseLong(dir.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir.resolve("fd"))) {
                    for (Path fd : fds) {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[") && target.endsWith("]")) {
                            out.putIfAbsent(Long.parseLong(target.substring(8, target.length() - 1)), pid);
                        }
                    }
                } catch (IOException | SecurityException | NumberFormatException e) {
                    // another user's process, or one that ended: its sockets stay without a holder
                }
            }
        } catch (IOException | SecurityException e) {
            // no /proc: no holder is known
        }
        return out;
    }

    @Override
    public Optional<List<String>> commandLine(long pid) {
        // this machine's own /proc: as apply reads a running server's, with the JDK where /proc hides it
        return proc.equals(Path.of("/proc")) ? RunningServer.SYSTEM.commandLine(pid)
                : RunningServer.commandLine(proc.resolve(Long.toString(pid)).resolve("cmdline"));
    }

    @Override
    public Bind bind(String protocol, int port) {
        // bound and released at once, on every address, as the product would bind it
        try {
            if (protocol.equals("udp")) {
                try (DatagramSocket s = new DatagramSocket(null)) {
                    s.setReuseAddress(false);
                    s.bind(new InetSocketAddress(port));
                }
            } else {
                try (ServerSocket s = new ServerSocket()) {
                    s.setReuseAddress(true); // a port in TIME_WAIT is free for a server, as for WSO2's
                    s.bind(new InetSocketAddress(port));
                }
            }
            return Bind.FREE;
        } catch (IOException | SecurityException e) {
            // below 1024 a refusal may be the missing right, not an owner
            return port < io.github.wso2ports.Port.PRIVILEGED_BELOW ? Bind.CANNOT_TELL : Bind.TAKEN;
        }
    }
}
