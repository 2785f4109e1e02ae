package fr.esante.medimail.support.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import fr.esante.medimail.support.passwords.PasswordHashingBusyException;
import tools.jackson.databind.json.JsonMapper;
import fr.esante.medimail.support.texts.PlatformTexts;

/**
 * The answers when the security filters refuse an API call, in the same RFC 9457 shape as every other error
 * of the platform: 401 (code UNAUTHENTICATED, with a Basic challenge) without a valid identity, 403 (code
 * FORBIDDEN) without the needed role, 429 (code TOO_MANY_ATTEMPTS, with Retry-After) when {@link LoginThrottle} refuses
 * the sign-in. The French details say, for each service, who may call it.
 */
public class SecurityProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String TYPE_BASE = "https://medimail.mipih.fr/problems/";

    private final JsonMapper json;
    private final String realm;
    private final String unauthenticatedDetail;
    private final String forbiddenDetail;

    public SecurityProblemResponses(JsonMapper json, String realm, String unauthenticatedDetail, String forbiddenDetail) {
        this.json = json;
        this.realm = realm;
        this.unauthenticatedDetail = unauthenticatedDetail;
        this.forbiddenDetail = forbiddenDetail;
    }

    public String realm() {
        return realm;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof LoginThrottledException throttled) {
            tooManyAttempts(request, response, throttled);
            return;
        }
        PasswordHashingBusyException busy = PasswordHashingBusyException.findIn(exception);
        if (busy != null) {
            // Not a wrong password: too many logins at once. Say when to come back rather than ask for credentials again.
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()));
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_BUSY",
                    PlatformTexts.text("problem.service-busy.title"), PasswordHashingBusyException.frenchDetail());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                PlatformTexts.text("problem.unauthenticated.title"), unauthenticatedDetail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", PlatformTexts.text("problem.forbidden.title"), forbiddenDetail);
    }

    /** 429 with Retry-After: too many failed sign-ins on this login or from this address (see {@link LoginThrottle}). */
    public void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, LoginThrottledException throttled)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(LoginThrottle.retryAfterSeconds(throttled.retryAfter())));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                PlatformTexts.text("problem.too-many-attempts.title"), PlatformTexts.text("problem.too-many-attempts.detail"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                       String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
