package fr.esante.medimail.support.web;

/** One invalid field of a request: a stable upper-case code and a French message for the user. */
public record FieldError(String field, String code, String message) {
}
