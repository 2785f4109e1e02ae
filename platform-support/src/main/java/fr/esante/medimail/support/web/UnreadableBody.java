package fr.esante.medimail.support.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.databind.DatabindException;

/** Finds which JSON field made a body unreadable (e.g. an unknown enum value), when it is one field. */
final class UnreadableBody {

    private UnreadableBody() {
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
