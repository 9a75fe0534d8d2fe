package io.github.wso2ports.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that hostile inputs point their entity and DTD URLs at: any connection, whatever the protocol,
 * is a hit. Parsing must never make one.
 */
final class Canary implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger hits = new AtomicInteger();
    private final Thread acceptor;

    Canary() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    hits.incrementAndGet();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "canary");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code http://127.0.0.1:PORT/path} */
    String url(String path) {
        return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort() + "/" + path;
    }

    int hits() {
        return hits.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
