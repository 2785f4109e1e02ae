package fr.esante.medimail.support.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import fr.esante.medimail.support.texts.PlatformTexts;

/**
 * Guards {@code /actuator/prometheus} in the services that have no Spring Security of their own (registration,
 * mss-address, notification): HTTP Basic with the operator account of {@code medimail.metrics.operator.username} and
 * {@code .password-hash} (Argon2id or BCrypt, never a clear password). With no operator configured, nobody reads the
 * metrics. The services with staff or operator logins guard the endpoint in their own security chain (role OPERATOR).
 * {@code medimail.metrics.open=true} (the local stack only) leaves it open.
 */
public class MetricsAccess extends OncePerRequestFilter {

    static final String PATH = "/actuator/prometheus";

    private final String username;
    private final String passwordHash;
    private final PasswordEncoder passwords;

    public MetricsAccess(String username, String passwordHash, PasswordEncoder passwords) {
        this.username = username == null ? "" : username.strip();
        this.passwordHash = passwordHash == null ? "" : passwordHash.strip().replaceFirst("^\\{bcrypt}", "");
        this.passwords = passwords;
        if (!this.username.isEmpty() && !fr.esante.medimail.support.passwords.PasswordHashing.isSupportedHash(this.passwordHash)) {
            throw new IllegalStateException("medimail.metrics.operator.password-hash is not an Argon2id ($argon2id$…) or BCrypt"
                    + " hash; clear passwords are not accepted");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (authenticated(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"Medimail metrics\", charset=\"UTF-8\"");
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(("""
                {"type":"about:blank","title":"Unauthorized","status":401,\
                "detail":"%s"}""".formatted(PlatformTexts.text("problem.metrics-unauthenticated.detail")))
                .getBytes(StandardCharsets.UTF_8));
    }

    private boolean authenticated(String header) {
        if (username.isEmpty() || header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean sameUser = MessageDigest.isEqual(decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8),
                username.getBytes(StandardCharsets.UTF_8));
        // The hash is checked whatever the login, so the answer time does not tell whether the login exists.
        boolean samePassword = passwords.matches(decoded.substring(colon + 1), passwordHash);
        return sameUser && samePassword;
    }
}
