package fr.esante.medimail.support.web;

import java.io.IOException;
import java.util.UUID;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every log line written while a request is handled says about it, besides the trace id that tracing adds: the
 * service (five services share one JVM and one console in the local stack) and, once the request has shown whose it
 * is, the account ({@link #account(UUID)}). Both go to the MDC, so the text pattern and the JSON formats carry them;
 * both are gone when the request ends, so a pooled thread never lends them to the next request.
 */
public class RequestLogContext extends OncePerRequestFilter {

    public static final String SERVICE = "service";
    public static final String ACCOUNT_ID = "accountId";

    private final String service;

    public RequestLogContext(String service) {
        this.service = service;
    }

    /** The request is about this account (its session or path named it): said on the request's next log lines. */
    public static void account(UUID accountId) {
        if (accountId != null) {
            MDC.put(ACCOUNT_ID, accountId.toString());
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put(SERVICE, service);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ACCOUNT_ID);
            MDC.remove(SERVICE);
        }
    }
}
