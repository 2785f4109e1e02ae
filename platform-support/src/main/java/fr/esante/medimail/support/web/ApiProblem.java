package fr.esante.medimail.support.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import fr.esante.medimail.support.texts.PlatformTexts;

/**
 * A business refusal that the web layer turns into an RFC 9457 problem: {@code code} is the stable
 * identifier clients key on, {@code detail} a French sentence for the user.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    /** A single invalid field, answered with 400. */
    public static ApiProblem invalidField(String field, String code, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, PlatformTexts.text("problem.invalid-request.title"), message,
                List.of(new FieldError(field, code, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
