package io.switchboard.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A tiny SMTP server on 127.0.0.1 that answers RCPT TO with a chosen reply (e.g. "550 5.1.1 User
 * unknown" or "451 4.3.0 Try again later"), as a real server refusing or deferring a message does.
 */
final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    volatile String rcptReply = "550 5.1.1 <nobody@customer.test>: Recipient address rejected: User unknown";

    private FakeSmtpServer(ServerSocket socket) {
        this.socket = socket;
    }

    static FakeSmtpServer start() {
        try {
            FakeSmtpServer server = new FakeSmtpServer(new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1")));
            Thread thread = new Thread(server::acceptLoop, "fake-smtp");
            thread.setDaemon(true);
            thread.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(5000);
                converse(client);
            } catch (IOException e) {
                // client went away or server closed
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 fake.smtp.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase();
            if (command.startsWith("EHLO")) {
                reply(out, "250-fake.smtp.test\r\n250 AUTH PLAIN");
            } else if (command.equals("AUTH PLAIN")) {
                reply(out, "334 ");
                in.readLine();
                reply(out, "235 2.7.0 Authentication successful");
            } else if (command.startsWith("AUTH PLAIN ")) {
                reply(out, "235 2.7.0 Authentication successful");
            } else if (command.startsWith("MAIL FROM")) {
                reply(out, "250 2.1.0 Ok");
            } else if (command.startsWith("RCPT TO")) {
                reply(out, rcptReply);
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else {
                reply(out, "250 2.0.0 Ok");
            }
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
