package org.virtxml.connect.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.time.Duration;
import org.virtxml.connect.ConnectionFailedException;

/** Opens the blocking socket channel a {@link LibvirtUri} names. */
final class Transports {
    private Transports() {
    }

    static SocketChannel connect(LibvirtUri uri, Duration connectTimeout) {
        return uri.transport() == LibvirtUri.Transport.UNIX ? unix(uri) : tcp(uri, connectTimeout);
    }

    private static SocketChannel unix(LibvirtUri uri) {
        if (!Files.exists(uri.socket())) {
            throw new ConnectionFailedException("cannot connect to " + uri.original() + ": socket " + uri.socket()
                    + " does not exist (is libvirtd running?)");
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(uri.socket()));
            return channel;
        } catch (IOException e) {
            close(channel);
            throw new ConnectionFailedException("cannot connect to " + uri.original() + " through socket " + uri.socket()
                    + ": " + reason(e) + " (is libvirtd running, and may this user open the socket?)", e);
        }
    }

    private static SocketChannel tcp(LibvirtUri uri, Duration connectTimeout) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.socket().connect(new InetSocketAddress(uri.host(), uri.port()), (int) Math.min(Integer.MAX_VALUE,
                    connectTimeout.toMillis()));
            channel.socket().setTcpNoDelay(true);
            return channel;
        } catch (UnknownHostException e) {
            close(channel);
            throw new ConnectionFailedException("cannot connect to " + uri.original() + ": unknown host " + uri.host(), e);
        } catch (SocketTimeoutException e) {
            close(channel);
            throw new ConnectionFailedException("cannot connect to " + uri.original() + ": no answer from " + uri.peer()
                    + " within " + connectTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            close(channel);
            throw new ConnectionFailedException("cannot connect to " + uri.original() + ": " + uri.peer()
                    + " refused the connection (does libvirtd listen on TCP: listen_tcp=1 and --listen?)", e);
        } catch (IOException e) {
            close(channel);
            throw new ConnectionFailedException("cannot connect to " + uri.original() + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void close(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
