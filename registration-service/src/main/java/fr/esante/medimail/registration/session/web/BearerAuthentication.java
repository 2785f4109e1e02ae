package fr.esante.medimail.registration.session.web;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.context.annotation.Configuration;

import fr.esante.medimail.registration.account.AuthenticatedAccount;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.account.web.AllowedBeforeTermsAcceptance;
import fr.esante.medimail.registration.session.Sessions;
import fr.esante.medimail.support.web.RequestLogContext;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * A handler parameter of type {@link AuthenticatedAccount} requires {@code Authorization: Bearer <accessToken>}:
 * missing, unknown or expired, the answer is a 401 problem and the handler does not run. A validated account's
 * session must also have passed the one-time code and accepted the current terms of use, unless the handler is
 * {@link AllowedBeforeTermsAcceptance} (403 otherwise).
 */
@Configuration
class BearerAuthentication implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final String BEARER = "Bearer ";

    private final Sessions sessions;

    BearerAuthentication(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(AuthenticatedAccount.class);
    }

    @Override
    public AuthenticatedAccount resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                                NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String token = tokenOf(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            throw Refusal.unauthenticated("AUTHENTICATION_REQUIRED", TEXTS.text("session.authentication-required"));
        }
        AllowedBeforeTermsAcceptance allowed = parameter.getMethodAnnotation(AllowedBeforeTermsAcceptance.class);
        AuthenticatedAccount account = sessions.authorize(token, allowed != null, allowed != null && allowed.alsoWithoutOneTimeCode());
        RequestLogContext.account(account.accountId());
        return account;
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    static String tokenOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
