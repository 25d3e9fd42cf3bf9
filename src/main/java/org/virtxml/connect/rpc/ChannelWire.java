package org.virtxml.connect.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Objects;

/**
 * A {@link Wire} over a blocking socket channel (UNIX or TCP). Reads and writes go straight to the
 * channel, without {@code Channels.newInputStream}, whose streams share one lock and would keep a
 * writer waiting for as long as the reader waits for bytes.
 */
public final class ChannelWire implements Wire {
    private final ByteChannel channel;
    private final InputStream input;
    private final OutputStream output;

    public ChannelWire(ByteChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.input = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                int n;
                do {
                    n = channel.read(ByteBuffer.wrap(bytes, offset, length));
                } while (n == 0);
                return n;
            }
        };
        this.output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void abort() {
        try {
            channel.close(); // a socket channel wakes its blocked reader and writer without waiting for them
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }
}
