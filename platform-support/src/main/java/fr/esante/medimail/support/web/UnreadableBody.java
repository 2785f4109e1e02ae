package fr.esante.medimail.support.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import fr.esante.medimail.support.texts.PlatformTexts;

/** Finds which JSON field made a body unreadable (e.g. an unknown enum value), when it is one field. */
final class UnreadableBody {

    private UnreadableBody() {
    }

    /** How a field was refused: {@code code} for the field, French {@code message} for it, French {@code detail} overall. */
    record Refusal(String code, String message, String detail) {
    }

    static Refusal refusalOf(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ForbiddenCharacterException) {
                return new Refusal("FORBIDDEN_CHARACTER", PlatformTexts.text("body.forbidden-character.message"),
                        PlatformTexts.text("body.forbidden-character.detail"));
            }
            if (cause instanceof UnrecognizedPropertyException) {
                return new Refusal("INVALID_VALUE", PlatformTexts.text("body.unknown-field.message"),
                        PlatformTexts.text("body.unknown-field.detail"));
            }
            if (cause instanceof InvalidNullException) {
                return new Refusal("INVALID_VALUE", PlatformTexts.text("body.null-value.message"),
                        PlatformTexts.text("body.unrecognised-value.detail"));
            }
            if (cause instanceof InvalidFormatException) {
                return unrecognised();
            }
            if (cause instanceof MismatchedInputException) {
                return new Refusal("INVALID_VALUE", PlatformTexts.text("body.wrong-type.message"),
                        PlatformTexts.text("body.wrong-type.detail"));
            }
        }
        return unrecognised();
    }

    private static Refusal unrecognised() {
        return new Refusal("INVALID_VALUE", PlatformTexts.text("body.unrecognised-value.message"),
                PlatformTexts.text("body.unrecognised-value.detail"));
    }

    static String fieldOf(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        while (cause != null) {
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()
                    && !(cause instanceof tools.jackson.core.exc.StreamReadException && !(cause instanceof DatabindException))) {
                StringBuilder path = new StringBuilder();
                for (var reference : databind.getPath()) {
                    if (reference.getPropertyName() != null) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
            cause = cause.getCause();
        }
        return null;
    }
}
