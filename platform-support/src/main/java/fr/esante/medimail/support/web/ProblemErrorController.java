package fr.esante.medimail.support.web;

import java.util.List;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Replaces Spring Boot's error controller: an error that escaped the controllers (a filter's {@code sendError}, an
 * exception thrown before Spring MVC, Tomcat refusing a request) is answered as a problem document with French texts,
 * never Spring's default JSON nor an HTML page. Asked directly, {@code /error} names nothing: {@code 404}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 404;
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            known = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        String[] french = ProblemDetailsAdvice.frenchTexts(known.value());
        return ProblemDetailsAdvice.problem(known, known.name(), french[0], french[1], List.of());
    }
}
