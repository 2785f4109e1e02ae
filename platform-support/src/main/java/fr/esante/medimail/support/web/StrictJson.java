package fr.esante.medimail.support.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON request bodies are read literally: a text field must be a JSON string ({@code "region": 76} is refused, not
 * turned into {@code "76"}), a boolean a JSON boolean ({@code "true"}, {@code 1} and an explicit {@code null} are
 * refused, absent stays absent), an unknown field is an error, and a text holding a control character or a lone
 * surrogate is refused ({@link InputText}). Each refusal is a {@code 400} problem naming the field
 * ({@link ProblemDetailsAdvice}). Runs after Spring Boot's own customizer, so it wins over {@code spring.jackson.*}.
 */
public class StrictJson implements JsonMapperBuilderCustomizer, Ordered {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.addModule(new SimpleModule("medimail-strict-json")
                        .addDeserializer(String.class, new StrictTextDeserializer())
                        .addDeserializer(Boolean.class, new StrictBooleanDeserializer()))
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Only a JSON string (or null) makes a Java {@code String}, and only an acceptable one. */
    static final class StrictTextDeserializer extends StdScalarDeserializer<String> {

        StrictTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            if (!InputText.isAcceptable(text)) {
                throw new ForbiddenCharacterException(parser);
            }
            return text;
        }
    }

    /**
     * Only {@code true} or {@code false} make a {@code Boolean}. An absent field stays absent (null, so the request's
     * default applies), but an explicit {@code null} is refused: it is not "false".
     */
    static final class StrictBooleanDeserializer extends StdScalarDeserializer<Boolean> {

        StrictBooleanDeserializer() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) {
            return switch (parser.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
            };
        }

        @Override
        public Boolean getNullValue(DeserializationContext context) {
            throw InvalidNullException.from(context, null, context.constructType(Boolean.class));
        }

        @Override
        public tools.jackson.databind.util.AccessPattern getNullAccessPattern() {
            return tools.jackson.databind.util.AccessPattern.DYNAMIC;
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
