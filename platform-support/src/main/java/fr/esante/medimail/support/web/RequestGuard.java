package fr.esante.medimail.support.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import fr.esante.medimail.support.texts.PlatformTexts;

/**
 * The last filter before Spring MVC, on every service:
 * <ul>
 * <li>a body declared larger than {@code medimail.web.max-request-body} is answered {@code 413} without being read;
 * one sent without a length (chunked) is read up to that size, then answered {@code 413} too;</li>
 * <li>a body is read <em>without holding a thread</em> (servlet non-blocking I/O): a client sending one byte every
 * few seconds costs one idle connection, not one of the few worker threads, and is answered {@code 408} when the
 * whole body has not arrived within {@code medimail.web.body-read-timeout}. Only then is the request dispatched
 * again, with the complete body, to the controllers. HTML form posts are left to Tomcat's own parsing (bounded by
 * {@code server.tomcat.max-http-form-post-size}), because filters before this one may already have read them;</li>
 * <li>a query or form parameter holding a control character or a lone surrogate ({@link InputText}) is answered
 * {@code 400} naming the parameter; JSON bodies get the same check field by field ({@link StrictJson}).</li>
 * </ul>
 * It runs after the security filters, so an unauthenticated client never gets its body read.
 */
public class RequestGuard extends OncePerRequestFilter implements Ordered {

    private static final String BODY = RequestGuard.class.getName() + ".body";

    private final long maxBodyBytes;
    private final Duration bodyReadTimeout;

    public RequestGuard(long maxBodyBytes, Duration bodyReadTimeout) {
        this.maxBodyBytes = maxBodyBytes;
        this.bodyReadTimeout = bodyReadTimeout;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            byte[] body = (byte[]) request.getAttribute(BODY);
            HttpServletRequest complete = body == null ? request : new BufferedBody(request, body);
            if (parametersAcceptable(complete, response)) {
                chain.doFilter(complete, response);
            }
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody || isForm(request) || !request.isAsyncSupported()) {
            if (parametersAcceptable(request, response)) {
                chain.doFilter(request, response);
            }
            return;
        }
        readWithoutBlocking(request, response);
    }

    private void readWithoutBlocking(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(bodyReadTimeout.toMillis());
        AtomicBoolean settled = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                if (settled.compareAndSet(false, true)) {
                    HttpServletResponse answer = (HttpServletResponse) event.getAsyncContext().getResponse();
                    answer.setHeader("Connection", "close");
                    ProblemJson.write(answer, 408, ProblemJson.forStatus(408));
                    event.getAsyncContext().complete();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                if (settled.compareAndSet(false, true)) {
                    event.getAsyncContext().complete();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        ServletInputStream in = request.getInputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.max(0, Math.min(request.getContentLengthLong(), maxBodyBytes)));
        in.setReadListener(new ReadListener() {
            private final byte[] buffer = new byte[4096];

            @Override
            public void onDataAvailable() throws IOException {
                while (!settled.get() && in.isReady()) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        return;
                    }
                    if (body.size() + n > maxBodyBytes) {
                        if (settled.compareAndSet(false, true)) {
                            response.setHeader("Connection", "close");
                            tooLarge(response);
                            async.complete();
                        }
                        return;
                    }
                    body.write(buffer, 0, n);
                }
            }

            @Override
            public void onAllDataRead() {
                if (settled.compareAndSet(false, true)) {
                    request.setAttribute(BODY, body.toByteArray());
                    async.dispatch();
                }
            }

            @Override
            public void onError(Throwable failure) {
                // The connection broke or stayed silent too long: answer 408 if anyone is still listening.
                if (settled.compareAndSet(false, true)) {
                    try {
                        response.setHeader("Connection", "close");
                        ProblemJson.write(response, 408, ProblemJson.forStatus(408));
                    } catch (IOException | IllegalStateException gone) {
                        // Nobody is left to answer.
                    }
                    async.complete();
                }
            }
        });
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        ProblemJson.write(response, 413, ProblemJson.of(413, "REQUEST_TOO_LARGE",
                PlatformTexts.text("problem.request-too-large.title"),
                // A string, not a number: MessageFormat would group the digits.
                PlatformTexts.text("problem.request-too-large.detail", Long.toString(maxBodyBytes)), List.of()));
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"));
    }

    /** Refuses, naming it, a parameter whose name or value holds a refused character; never echoes the value. */
    private static boolean parametersAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean acceptable = InputText.isAcceptable(parameter.getKey());
            for (String value : parameter.getValue()) {
                acceptable &= InputText.isAcceptable(value);
            }
            if (!acceptable) {
                String field = InputText.isAcceptable(parameter.getKey()) && parameter.getKey().length() <= 100
                        ? parameter.getKey() : "";
                ProblemJson.write(response, 400, ProblemJson.of(400, "INVALID_REQUEST",
                        PlatformTexts.text("problem.invalid-request.title"),
                        PlatformTexts.text("problem.forbidden-character-parameter.detail"),
                        List.of(new FieldError(field, "FORBIDDEN_CHARACTER",
                                PlatformTexts.text("problem.forbidden-character-parameter.message")))));
                return false;
            }
        }
        return true;
    }

    /** The request as the controllers see it once its whole body has arrived. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body has already been read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
