package fr.esante.medimail.support.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Problem documents written by hand, in the shape {@link ProblemDetailsAdvice} gives them, for answers made before
 * a request reaches Spring MVC (request guard, Tomcat's own errors). No JSON library: the values are ours, plus
 * field names, escaped here.
 */
public final class ProblemJson {

    public static final String TYPE_BASE = "https://medimail.mipih.fr/problems/";

    private ProblemJson() {
    }

    public static String of(int status, String code, String title, String detail, List<FieldError> errors) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "type", TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')).append(',');
        field(json, "title", title).append(',');
        json.append("\"status\":").append(status).append(',');
        field(json, "detail", detail).append(',');
        field(json, "code", code);
        if (!errors.isEmpty()) {
            json.append(",\"errors\":[");
            for (int i = 0; i < errors.size(); i++) {
                FieldError error = errors.get(i);
                json.append(i == 0 ? "{" : ",{");
                field(json, "field", error.field()).append(',');
                field(json, "code", error.code()).append(',');
                field(json, "message", error.message()).append('}');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    /** A problem for a status alone, with the French texts every service uses for it. */
    public static String forStatus(int status) {
        String[] french = ProblemDetailsAdvice.frenchTexts(status);
        return of(status, codeOf(status), french[0], french[1], List.of());
    }

    public static String codeOf(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "HTTP_" + status : known.name();
    }

    /** Writes the problem unless the response is already committed (then nothing more can be said). */
    public static void write(HttpServletResponse response, int status, String json) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json);
        response.flushBuffer();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        String text = value == null ? "" : value;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
