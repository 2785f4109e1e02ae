package fr.esante.medimail.support.web;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The browser-facing safety headers on every answer of a service (pages, scripts, API alike): a Content-Security-Policy
 * (no inline script: pages load their scripts from their own origin), no framing (clickjacking), no MIME sniffing, and no
 * full URL sent as referrer (links may carry tokens). Set before the rest of the chain runs, so a framework that writes
 * the same headers only when missing (Spring Security) keeps these values.
 */
public class SecurityHeaders extends OncePerRequestFilter {

    /** The policy of a service whose pages use nothing but their own origin. */
    public static final String STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    private final String contentSecurityPolicy;

    public SecurityHeaders(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!response.containsHeader("Referrer-Policy")) {
            response.setHeader("Referrer-Policy", "same-origin");
        }
        chain.doFilter(request, response);
    }
}
