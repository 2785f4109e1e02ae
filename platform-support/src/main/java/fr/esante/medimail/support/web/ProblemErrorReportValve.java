package fr.esante.medimail.support.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word on a request it refused before any application code ran (an invalid URI such as {@code %2F},
 * {@code %00} or {@code ..} escaping the root, {@code TRACE}, a malformed request line): a French problem document
 * instead of Tomcat's HTML error page. Errors that reach Spring are answered by {@link ProblemErrorController}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status == 400 && throwable instanceof IllegalArgumentException tooLarge && tooLarge.getMessage() != null
                && tooLarge.getMessage().toLowerCase(java.util.Locale.ROOT).contains("too large")) {
            // Tomcat says 400 for both; the request line is the part it could not read when there is no method yet.
            boolean lineParsed = request.getMethod() != null && !request.getMethod().isEmpty()
                    && request.getRequestURI() != null && !request.getRequestURI().isEmpty();
            status = lineParsed ? 431 : 414;
            response.setStatus(status);
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemJson.forStatus(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot be written any more: nothing left to tell.
        }
    }
}
