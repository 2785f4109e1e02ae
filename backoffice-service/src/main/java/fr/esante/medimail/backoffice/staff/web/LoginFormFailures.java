package fr.esante.medimail.backoffice.staff.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import fr.esante.medimail.support.security.LoginThrottle;
import fr.esante.medimail.support.security.LoginThrottledException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A failed login form: back to the form with an error, or, when the login or the address is locked after repeated
 * failures, 429 with {@code Retry-After} and a short French page.
 */
class LoginFormFailures implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler wrongCredentials = new SimpleUrlAuthenticationFailureHandler("/login?error");
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (!(exception instanceof LoginThrottledException throttled)) {
            wrongCredentials.onAuthenticationFailure(request, response, exception);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(LoginThrottle.retryAfterSeconds(throttled.retryAfter())));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="UTF-8"><title>Connexion suspendue — Medimail</title></head>
                <body style="font-family: Arial, sans-serif; color: #1f2937; max-width: 600px;">
                <h1>Connexion suspendue</h1>
                <p>Trop de tentatives de connexion infructueuses : par sécurité, la connexion est suspendue pendant
                quelques minutes. Réessayez plus tard.</p>
                <p><a href="/login">Retour à la page de connexion</a></p>
                </body></html>
                """);
    }
}
