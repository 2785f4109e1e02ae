package fr.esante.medimail.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A small page listing the e-mails the local SMTP server received, newest first, so a person trying the
 * platform can open the confirmation link without configuring an IMAP client. Local stack only.
 */
final class MailViewer implements AutoCloseable {

    private final HttpServer server;
    private final GreenMail mail;

    MailViewer(GreenMail mail, int port) throws IOException {
        this.mail = mail;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::list);
        server.createContext("/message", this::show);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void list(HttpExchange exchange) throws IOException {
        MimeMessage[] messages = mail.getReceivedMessages();
        StringBuilder rows = new StringBuilder();
        for (int i = messages.length - 1; i >= 0; i--) {
            try {
                rows.append("<tr><td>").append(escape(String.valueOf(messages[i].getSentDate()))).append("</td><td>")
                        .append(escape(addresses(messages[i].getAllRecipients()))).append("</td><td><a href=\"/message?i=")
                        .append(i).append("\">").append(escape(messages[i].getSubject())).append("</a></td></tr>");
            } catch (MessagingException e) {
                rows.append("<tr><td colspan=3>illisible : ").append(escape(e.getMessage())).append("</td></tr>");
            }
        }
        respond(exchange, "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>E-mails envoyés</title>"
                + "<meta http-equiv=\"refresh\" content=\"5\"></head><body style=\"font-family:sans-serif\">"
                + "<h1>E-mails reçus par le serveur SMTP local</h1><table border=1 cellpadding=4>"
                + "<tr><th>Date</th><th>Destinataire</th><th>Objet</th></tr>" + rows + "</table></body></html>");
    }

    private void show(HttpExchange exchange) throws IOException {
        try {
            int index = Integer.parseInt(exchange.getRequestURI().getQuery().replace("i=", ""));
            MimeMessage message = mail.getReceivedMessages()[index];
            Object content = message.getContent();
            String body = content instanceof String text ? text : "(contenu multipart)";
            respond(exchange, "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>"
                    + escape(message.getSubject()) + "</title></head><body style=\"font-family:sans-serif\">"
                    + "<p><a href=\"/\">← tous les e-mails</a></p><p><b>De :</b> " + escape(addresses(message.getFrom()))
                    + "<br><b>À :</b> " + escape(addresses(message.getAllRecipients())) + "<br><b>Objet :</b> "
                    + escape(message.getSubject()) + "</p><hr>" + body + "</body></html>");
        } catch (RuntimeException | MessagingException e) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static void respond(HttpExchange exchange, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
