package dev.multidb.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a database server, that injects real network faults: every byte between
 * the driver and the server goes through it, and on demand it
 * <ul>
 *   <li>{@link #freeze() freezes}: holds every byte in both directions, connections stay open (a server stopped
 *       with SIGSTOP, a dead network path), until {@link #thaw()};</li>
 *   <li>{@link #cutAll() cuts} every open connection (a server restart, a firewall reset);</li>
 *   <li>{@link #loseNextCommitReply() loses the reply to the next COMMIT}: the client's {@code COMMIT} reaches the
 *       server, which commits, and its reply is thrown away and the client's connection closed, so the client
 *       cannot know the outcome.</li>
 * </ul>
 * A {@code COMMIT} is recognised as the ASCII text {@code COMMIT} in what the client sends, which is how the
 * PostgreSQL and MariaDB drivers commit; tests must not put that word in their own data.
 */
public final class FaultProxy implements AutoCloseable {

    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile boolean frozen;
    private volatile boolean closed;
    private final AtomicBoolean commitReplyToLose = new AtomicBoolean();
    private final AtomicInteger commitRepliesLost = new AtomicInteger();
    private volatile CountDownLatch commitReplyLost = new CountDownLatch(1);

    private FaultProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
        Thread acceptor = new Thread(this::accept, "fault-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy on an ephemeral port of 127.0.0.1 in front of {@code host:port}. */
    public static FaultProxy start(String host, int port) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new FaultProxy(listener, new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a fault proxy in front of " + host + ":" + port, e);
        }
    }

    /** A proxy in front of the server a JDBC URL of the form {@code jdbc:<product>://host:port/...} names. */
    public static FaultProxy inFrontOf(String jdbcUrl) {
        java.net.URI uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        return start(uri.getHost(), uri.getPort());
    }

    /** {@code jdbcUrl} with its host and port replaced by this proxy's. */
    public String route(String jdbcUrl) {
        String hostPort = target.getHostString() + ":" + target.getPort();
        int at = jdbcUrl.indexOf(hostPort);
        if (at < 0) {
            hostPort = "localhost:" + target.getPort();
            at = jdbcUrl.indexOf(hostPort);
        }
        if (at < 0) {
            throw new IllegalArgumentException("The URL " + jdbcUrl + " does not name " + target);
        }
        return jdbcUrl.substring(0, at) + "127.0.0.1:" + port() + jdbcUrl.substring(at + hostPort.length());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on no byte goes through, in either direction; connections stay open. */
    public void freeze() {
        frozen = true;
    }

    /** Lets the held bytes, and every later one, through again. */
    public void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    /** Closes every connection open through the proxy now; later connections work. */
    public void cutAll() {
        links.forEach(Link::close);
    }

    /**
     * The next {@code COMMIT} a client sends reaches the server; the server's reply is dropped and the client's
     * connection closed once the reply has arrived (so the server did commit).
     */
    public void loseNextCommitReply() {
        commitReplyLost = new CountDownLatch(1);
        commitReplyToLose.set(true);
    }

    /** Waits until a reply to COMMIT was lost; false if none was within {@code millis}. */
    public boolean awaitCommitReplyLost(long millis) throws InterruptedException {
        return commitReplyLost.await(millis, TimeUnit.MILLISECONDS);
    }

    /** How many replies to COMMIT were lost so far. */
    public int commitRepliesLost() {
        return commitRepliesLost.get();
    }

    /** The connections open through the proxy. */
    public int openConnections() {
        return links.size();
    }

    @Override
    public void close() {
        closed = true;
        thaw();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        cutAll();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (!closed) {
                    sleepQuietly(10);
                }
            }
        }
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (gate) {
            while (frozen && !closed) {
                gate.wait(50);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean contains(byte[] buffer, int length, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (buffer[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** One client connection and its connection to the server, with a pump thread each way. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private volatile boolean losingReply;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pump(client, server, true);
            pump(server, client, false);
        }

        private void pump(Socket from, Socket to, boolean fromClient) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        awaitThaw();
                        if (fromClient && contains(buffer, read, COMMIT) && commitReplyToLose.compareAndSet(true, false)) {
                            losingReply = true;
                        }
                        if (!fromClient && losingReply) {
                            // the server answered the COMMIT: the client never hears of it
                            commitRepliesLost.incrementAndGet();
                            close();
                            commitReplyLost.countDown();
                            return;
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (SocketException e) {
                    // closed by the other side, or by cutAll()
                } catch (IOException | InterruptedException e) {
                    // the link is over
                } finally {
                    close();
                }
            }, "fault-proxy-" + port() + (fromClient ? "-up" : "-down"));
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            links.remove(this);
            closeQuietly(client);
            closeQuietly(server);
        }

        private void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
