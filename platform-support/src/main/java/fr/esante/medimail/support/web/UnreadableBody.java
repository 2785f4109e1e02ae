package fr.esante.medimail.support.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

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
                return new Refusal("FORBIDDEN_CHARACTER", "Ce champ contient un caractère interdit (caractère de contrôle"
                        + " ou caractère Unicode invalide).", "Un champ contient un caractère interdit.");
            }
            if (cause instanceof UnrecognizedPropertyException) {
                return new Refusal("INVALID_VALUE", "Ce champ n'est pas attendu.", "La requête contient un champ inconnu.");
            }
            if (cause instanceof InvalidNullException) {
                return new Refusal("INVALID_VALUE", "Ce champ ne peut pas valoir null.", "Un champ a une valeur non reconnue.");
            }
            if (cause instanceof InvalidFormatException) {
                return new Refusal("INVALID_VALUE", "Valeur non reconnue.", "Un champ a une valeur non reconnue.");
            }
            if (cause instanceof MismatchedInputException) {
                return new Refusal("INVALID_VALUE", "Cette valeur n'a pas le type attendu (texte, nombre, booléen ou objet).",
                        "Un champ a une valeur du mauvais type.");
            }
        }
        return new Refusal("INVALID_VALUE", "Valeur non reconnue.", "Un champ a une valeur non reconnue.");
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
