package ai.andy.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * HTTP/1.1 written by hand, for what ordinary clients tidy up before sending (dot segments in paths) or cannot
 * pace (a chunked body sent in parts).
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;

    public RawHttp() throws IOException {
        socket = new Socket("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
    }

    public RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** One chunk of a chunked body. */
    public RawHttp chunk(byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    public RawHttp lastChunk() throws IOException {
        return send("0\r\n\r\n");
    }

    /** One line of what the server sent, without its CRLF. */
    public String readLine() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1 && b != '\n';) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Everything the server sends until it closes the connection (send {@code Connection: close}). */
    public String readAll() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        in.transferTo(received);
        return received.toString(StandardCharsets.UTF_8);
    }

    public static String get(String path, String... headers) throws IOException {
        try (RawHttp http = new RawHttp()) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            return http.send(request.append("Connection: close\r\n\r\n").toString()).readAll();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
