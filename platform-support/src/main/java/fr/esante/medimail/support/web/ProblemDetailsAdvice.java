package fr.esante.medimail.support.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import fr.esante.medimail.support.passwords.PasswordHashingBusyException;
import fr.esante.medimail.support.texts.PlatformTexts;

/**
 * Every HTTP error as {@code application/problem+json} (RFC 9457) with {@code type}, {@code title},
 * {@code status}, {@code detail}, and for invalid input an {@code errors} list of
 * {@code {field, code, message}} whose messages are French.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = "https://medimail.mipih.fr/problems/";

    private static final Map<String, String> CODES_BY_CONSTRAINT = Map.of(
            "NotBlank", "REQUIRED", "NotNull", "REQUIRED", "NotEmpty", "REQUIRED",
            "Size", "TOO_LONG", "Email", "INVALID_FORMAT", "Pattern", "INVALID_FORMAT",
            "AssertTrue", "INVALID_VALUE", "Valid", "INVALID_VALUE");

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<Object> handleApiProblem(ApiProblem problem) {
        return problem(problem.status(), problem.code(), problem.title(), problem.getMessage(), problem.errors());
    }

    /** Too many passwords waiting to be hashed: come back later, the request changed nothing. */
    @ExceptionHandler(PasswordHashingBusyException.class)
    public ResponseEntity<Object> handlePasswordHashingBusy(PasswordHashingBusyException busy) {
        ResponseEntity<Object> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_BUSY", PlatformTexts.text("problem.service-busy.title"),
                PasswordHashingBusyException.frenchDetail(), List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds())).body(problem.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(),
                codeOf(error.getCode(), error.getRejectedValue()), error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(),
                codeOf(error.getCode(), null), error.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", PlatformTexts.text("problem.invalid-request.title"),
                PlatformTexts.text("problem.invalid-fields.detail"), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = UnreadableBody.fieldOf(ex);
        if (field != null) {
            UnreadableBody.Refusal refusal = UnreadableBody.refusalOf(ex);
            return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", PlatformTexts.text("problem.invalid-request.title"), refusal.detail(),
                    List.of(new FieldError(field, refusal.code(), refusal.message())));
        }
        return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", PlatformTexts.text("problem.malformed-request.title"),
                PlatformTexts.text("problem.malformed-request.detail"), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", PlatformTexts.text("problem.invalid-request.title"),
                PlatformTexts.text("problem.missing-parameter.detail"), List.of(new FieldError(ex.getParameterName(), "REQUIRED",
                        PlatformTexts.text("problem.missing-parameter.message"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", PlatformTexts.text("problem.invalid-request.title"),
                PlatformTexts.text("problem.invalid-parameter.detail"), List.of(new FieldError(field == null ? "" : field,
                        "INVALID_VALUE", PlatformTexts.text("problem.invalid-parameter.message"))));
    }

    /**
     * Errors Spring raises itself (unknown route, wrong method or media type …) get the same shape, with a
     * French title and detail: Spring's own texts are English and may name internals.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail
                && (detail.getType() == null || "about:blank".equals(detail.getType().toString()))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String code = status == null ? "HTTP_" + statusCode.value() : status.name();
            String[] french = frenchTexts(statusCode.value());
            detail.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
            detail.setTitle(french[0]);
            detail.setDetail(french[1]);
            detail.setProperty("code", code);
        }
        return response;
    }

    /** French title and detail for an HTTP status, for answers that carry no more specific text. */
    public static String[] frenchTexts(int status) {
        String prefix = "http." + status;
        String title = PlatformTexts.textOrNull(prefix + ".title");
        return title == null
                ? new String[] {PlatformTexts.text("http.other.title"), PlatformTexts.text("http.other.detail")}
                : new String[] {title, PlatformTexts.text(prefix + ".detail")};
    }

    private static String codeOf(String constraint, Object rejectedValue) {
        if ("Size".equals(constraint) && (rejectedValue == null || String.valueOf(rejectedValue).isEmpty())) {
            return "REQUIRED";
        }
        return CODES_BY_CONSTRAINT.getOrDefault(constraint, constraint == null ? "INVALID_VALUE"
                : constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    public static ResponseEntity<Object> problem(HttpStatus status, String code, String title, String detail,
                                                 List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
