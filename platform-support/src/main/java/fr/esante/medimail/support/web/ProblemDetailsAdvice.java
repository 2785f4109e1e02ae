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
        ResponseEntity<Object> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_BUSY", "Service momentanément surchargé",
                PasswordHashingBusyException.FRENCH_DETAIL, List.of());
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
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Requête invalide",
                "Certains champs sont manquants ou invalides.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = UnreadableBody.fieldOf(ex);
        if (field != null) {
            UnreadableBody.Refusal refusal = UnreadableBody.refusalOf(ex);
            return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Requête invalide", refusal.detail(),
                    List.of(new FieldError(field, refusal.code(), refusal.message())));
        }
        return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Requête illisible",
                "Le corps de la requête n'est pas un JSON valide.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Requête invalide", "Un paramètre obligatoire manque.",
                List.of(new FieldError(ex.getParameterName(), "REQUIRED", "Ce paramètre est obligatoire.")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Requête invalide", "Un paramètre a une valeur invalide.",
                List.of(new FieldError(field == null ? "" : field, "INVALID_VALUE", "Valeur invalide.")));
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

    private static final Map<Integer, String[]> FRENCH_TEXTS = Map.ofEntries(
            Map.entry(400, new String[] {"Requête invalide", "La requête est incorrecte."}),
            Map.entry(401, new String[] {"Authentification requise", "Vous devez vous identifier pour accéder à cette ressource."}),
            Map.entry(403, new String[] {"Accès refusé", "Vous n'avez pas accès à cette ressource."}),
            Map.entry(404, new String[] {"Ressource introuvable", "Cette adresse ne correspond à aucune ressource."}),
            Map.entry(405, new String[] {"Méthode non autorisée", "Cette méthode HTTP n'est pas acceptée pour cette adresse."}),
            Map.entry(406, new String[] {"Format de réponse indisponible", "Le format de réponse demandé n'est pas disponible."}),
            Map.entry(408, new String[] {"Requête trop lente", "La requête n'a pas été reçue entièrement à temps."}),
            Map.entry(413, new String[] {"Requête trop volumineuse", "La requête dépasse la taille autorisée."}),
            Map.entry(414, new String[] {"Adresse trop longue", "L'adresse de la requête dépasse la longueur autorisée."}),
            Map.entry(415, new String[] {"Format non pris en charge", "Le corps de la requête doit être au format JSON."}),
            Map.entry(431, new String[] {"En-têtes trop volumineux", "Les en-têtes de la requête dépassent la taille autorisée."}),
            Map.entry(500, new String[] {"Erreur interne", "Une erreur inattendue est survenue. Réessayez plus tard."}),
            Map.entry(501, new String[] {"Méthode non prise en charge", "Cette méthode HTTP n'est pas prise en charge."}),
            Map.entry(503, new String[] {"Service indisponible", "Le service est momentanément indisponible. Réessayez plus tard."}),
            Map.entry(505, new String[] {"Version HTTP non prise en charge", "Cette version du protocole HTTP n'est pas prise en charge."}));

    /** French title and detail for an HTTP status, for answers that carry no more specific text. */
    public static String[] frenchTexts(int status) {
        return FRENCH_TEXTS.getOrDefault(status, new String[] {"Requête non traitée", "La requête n'a pas pu être traitée."});
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
