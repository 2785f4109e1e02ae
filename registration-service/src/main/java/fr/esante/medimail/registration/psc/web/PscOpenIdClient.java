package fr.esante.medimail.registration.psc.web;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import fr.esante.medimail.registration.psc.PscLoginFailed;
import fr.esante.medimail.registration.psc.PscProperties;

/**
 * The OpenID Connect client side of Pro Santé Connect, made of Spring Security's OAuth2 client pieces and driven by
 * {@code PscController} (this service has no Spring Security filter chain: its API sessions are bearer tokens of its
 * own). Authorization code with PKCE, {@code state} and {@code nonce} (kept in the browser's servlet session until the
 * callback, removed on first use), the ID token's signature checked against the provider's JWKS and its claims
 * (issuer, audience, expiry, nonce) by {@link OidcAuthorizationCodeAuthenticationProvider}, then userinfo read, which
 * PSC may answer as a signed JWT ({@code application/jwt}, checked against the same JWKS) or as JSON.
 */
@Component
public class PscOpenIdClient {

    static final String REGISTRATION_ID = "pro-sante-connect";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PscProperties properties;
    private final HttpSessionOAuth2AuthorizationRequestRepository pendingRequests = new HttpSessionOAuth2AuthorizationRequestRepository();
    private final RestClient http;
    private volatile ClientRegistration registration;

    public PscOpenIdClient(PscProperties properties) {
        this.properties = properties;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(TIMEOUT);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** Starts a sign-in: remembers state, nonce and PKCE verifier in the browser's session, returns PSC's URL. */
    public String authorizationUrl(HttpServletRequest request, HttpServletResponse response) {
        // Read afresh at every sign-in: a provider that is down is told to the holder here, on our page, rather than
        // by a browser error on PSC's address (and a key or endpoint change at PSC is picked up).
        registration = null;
        ClientRegistration client = registration();
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                id -> REGISTRATION_ID.equals(id) ? client : null, "/psc/login");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce().andThen(builder -> {
            if (properties.acrValues() != null && !properties.acrValues().isBlank()) {
                builder.additionalParameters(parameters -> parameters.put("acr_values", properties.acrValues()));
            }
        }));
        OAuth2AuthorizationRequest authorization = resolver.resolve(request, REGISTRATION_ID);
        pendingRequests.saveAuthorizationRequest(authorization, request, response);
        return authorization.getAuthorizationRequestUri();
    }

    /**
     * Finishes a sign-in from PSC's callback: the state must be the one this browser was given (used once), the code
     * is exchanged with the PKCE verifier, the ID token and userinfo are checked.
     *
     * @throws PscLoginFailed whatever fails; its message says why without any token
     */
    public OidcUser finish(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest authorization = pendingRequests.removeAuthorizationRequest(request, response);
        if (authorization == null) {
            throw new PscLoginFailed(PscLoginFailed.Kind.REJECTED, "no sign-in of this browser waits for this state"
                    + " (wrong, replayed or expired state)");
        }
        String error = request.getParameter(OAuth2ParameterNames.ERROR);
        if (error != null) {
            throw new PscLoginFailed(PscLoginFailed.Kind.CANCELLED, "the provider answered error " + clip(error));
        }
        String code = request.getParameter(OAuth2ParameterNames.CODE);
        if (code == null || code.isBlank()) {
            throw new PscLoginFailed(PscLoginFailed.Kind.REJECTED, "the callback carries no code");
        }
        OAuth2AuthorizationResponse answer = OAuth2AuthorizationResponse.success(code)
                .redirectUri(authorization.getRedirectUri()).state(request.getParameter(OAuth2ParameterNames.STATE)).build();
        ClientRegistration client = registration();
        try {
            OAuth2LoginAuthenticationToken done = (OAuth2LoginAuthenticationToken) provider().authenticate(
                    new OAuth2LoginAuthenticationToken(client, new OAuth2AuthorizationExchange(authorization, answer)));
            return (OidcUser) done.getPrincipal();
        } catch (OAuth2AuthenticationException e) {
            OAuth2Error why = e.getError();
            boolean unreachable = e.getCause() instanceof RestClientException && !(e.getCause() instanceof org.springframework.web.client.HttpClientErrorException);
            throw new PscLoginFailed(unreachable ? PscLoginFailed.Kind.PROVIDER_UNAVAILABLE : PscLoginFailed.Kind.REJECTED,
                    "the provider's answer failed the check " + why.getErrorCode() + ": " + clip(why.getDescription()), e);
        } catch (RestClientException e) {
            throw new PscLoginFailed(PscLoginFailed.Kind.PROVIDER_UNAVAILABLE, "the provider did not answer: " + e.getClass().getSimpleName(), e);
        }
    }

    private OidcAuthorizationCodeAuthenticationProvider provider() {
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(http.mutate()
                .messageConverters(converters -> {
                    converters.add(0, new org.springframework.http.converter.FormHttpMessageConverter());
                    converters.add(0, new org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler())
                .build());
        OidcUserService users = new OidcUserService();
        // PSC's claims come from userinfo whatever the scopes (Spring reads it by default only for profile/email scopes).
        users.setRetrieveUserInfo(userRequest -> true);
        users.setOauth2UserService(new SignedOrPlainUserInfo());
        return new OidcAuthorizationCodeAuthenticationProvider(tokens, users);
    }

    /** Userinfo as PSC serves it: a JWT signed with the provider's keys, or plain JSON. */
    private final class SignedOrPlainUserInfo implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

        @Override
        public OAuth2User loadUser(OAuth2UserRequest userRequest) {
            ClientRegistration client = userRequest.getClientRegistration();
            ResponseEntity<String> answer;
            try {
                answer = http.get().uri(client.getProviderDetails().getUserInfoEndpoint().getUri())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userRequest.getAccessToken().getTokenValue())
                        .accept(MediaType.parseMediaType("application/jwt"), MediaType.APPLICATION_JSON)
                        .retrieve().toEntity(String.class);
            } catch (RestClientException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response",
                        "userinfo could not be read: " + e.getClass().getSimpleName(), null), e);
            }
            MediaType type = answer.getHeaders().getContentType();
            Map<String, Object> claims;
            if (type != null && "jwt".equals(type.getSubtype())) {
                JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(client.getProviderDetails().getJwkSetUri()).build();
                try {
                    claims = new HashMap<>(decoder.decode(answer.getBody()).getClaims());
                } catch (org.springframework.security.oauth2.jwt.JwtException e) {
                    throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response",
                            "signed userinfo failed its check: " + e.getClass().getSimpleName(), null), e);
                }
            } else {
                claims = new HashMap<>(tools.jackson.databind.json.JsonMapper.builder().build()
                        .readValue(answer.getBody(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
                        }));
            }
            if (!claims.containsKey("sub")) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response", "userinfo has no sub", null));
            }
            return new DefaultOAuth2User(List.of(), claims, "sub");
        }
    }

    /** PSC's configuration, read once from its discovery document (not at start: the service starts while PSC is down). */
    ClientRegistration registration() {
        if (!properties.enabled() || properties.issuerUri() == null || properties.issuerUri().isBlank()) {
            throw new PscLoginFailed(PscLoginFailed.Kind.PROVIDER_UNAVAILABLE, "Pro Santé Connect is not configured");
        }
        ClientRegistration known = registration;
        if (known != null) {
            return known;
        }
        try {
            known = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                    .registrationId(REGISTRATION_ID)
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(properties.redirectUri())
                    .scope(new ArrayList<>(properties.scopes()))
                    .userNameAttributeName("sub")
                    .build();
        } catch (RuntimeException e) {
            throw new PscLoginFailed(PscLoginFailed.Kind.PROVIDER_UNAVAILABLE, "the provider's discovery document could not be"
                    + " read from " + properties.issuerUri() + ": " + e.getClass().getSimpleName(), e);
        }
        registration = known;
        return known;
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
