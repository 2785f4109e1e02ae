package fr.esante.medimail.pscstandin;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Spring Authorization Server set up like PSC for one client: authorization code with PKCE required, scopes
 * {@code openid scope_all}, PSC's claims in the ID token and in userinfo, RS256 keys made at start.
 */
@Configuration
public class AuthorizationServerConfiguration {

    static final String PICK_PAGE = "/choisir";
    private static final String KEY_ID = "psc-stand-in";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(this::userInfo)));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // userinfo is called with the access token (a JWT signed by this provider).
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(org.springframework.security.config.Customizer.withDefaults()))
                // Someone not signed in at the stand-in picks who to be first.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(PICK_PAGE), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pickPageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PICK_PAGE, "/stand-in.css", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(PICK_PAGE).usernameParameter("identite").passwordParameter("inutilise"));
        return http.build();
    }

    /** Whoever is picked is signed in: the stand-in checks only that the person is one of the fictional ones. */
    @Bean
    AuthenticationProvider pickAnyone() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String nationalId = authentication.getName();
                FictionalProfessionals.byNationalId(nationalId)
                        .orElseThrow(() -> new BadCredentialsException("Not one of the fictional professionals"));
                // A factor with its time: the ID token's auth_time comes from it (PSC's would be the card or e-CPS).
                return UsernamePasswordAuthenticationToken.authenticated(nationalId, null, java.util.List.of(
                        org.springframework.security.core.authority.FactorGrantedAuthority.fromAuthority(
                                org.springframework.security.core.authority.FactorGrantedAuthority.PASSWORD_AUTHORITY)));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    @Bean
    RegisteredClientRepository registeredClients(StandInProperties properties) {
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(properties.clientId())
                .clientSecret("{noop}" + properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(properties.redirectUris()))
                .scope(OidcScopes.OPENID)
                .scope("scope_all")
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().authorizationCodeTimeToLive(java.time.Duration.ofMinutes(1)).build())
                .build();
        return new InMemoryRegisteredClientRepository(client);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(StandInProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    KeyPairs keyPairs() {
        return new KeyPairs(rsa(), rsa());
    }

    /** The published key and another one, never published, that a forger would sign with (same key id). */
    record KeyPairs(KeyPair published, KeyPair unpublished) {
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(KeyPairs keys) {
        return new ImmutableJWKSet<>(new JWKSet(rsaKey(keys.published())));
    }

    @Bean
    org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(KeyPairs keys) {
        return org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.published().getPublic()).build();
    }

    /** Signs with the published key, except ID tokens while the tests ask for a forged signature. */
    @Bean
    JwtEncoder jwtEncoder(KeyPairs keys, StandInFaults faults) {
        JwtEncoder honest = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(rsaKey(keys.published()))));
        JwtEncoder forger = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(rsaKey(keys.unpublished()))));
        return parameters -> {
            boolean idToken = parameters.getClaims().hasClaim(PscClaims.SUBJECT_NAME_ID);
            if (idToken && faults.current() == StandInFaults.Fault.ID_TOKEN_SIGNED_WITH_UNPUBLISHED_KEY) {
                return forger.encode(parameters);
            }
            return honest.encode(parameters);
        };
    }

    /** PSC's identity claims and authentication level in the ID token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> pscIdToken(StandInFaults faults, StandInProperties properties) {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            FictionalProfessional person = FictionalProfessionals.byNationalId(context.getPrincipal().getName()).orElseThrow();
            JwtClaimsSet.Builder claims = context.getClaims();
            claims.claim("acr", "eidas1")
                    .claim(PscClaims.SUBJECT_NAME_ID, person.nationalId())
                    .claim("preferred_username", person.nationalId())
                    .claim("given_name", person.firstName())
                    .claim("family_name", person.lastName());
            Instant now = Instant.now();
            if (faults.current() == StandInFaults.Fault.EXPIRED_ID_TOKEN) {
                claims.issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(1800));
            } else {
                claims.expiresAt(now.plus(properties.idTokenValidity()));
            }
        };
    }

    /** PSC's userinfo: the names, SubjectNameID and SubjectRefPro (professions and activities), e-mail when PSC has one. */
    private OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        String nationalId = context.getAuthorization().getPrincipalName();
        FictionalProfessional person = FictionalProfessionals.byNationalId(nationalId).orElseThrow();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", person.nationalId());
        claims.put(PscClaims.SUBJECT_NAME_ID, person.nationalId());
        claims.put("preferred_username", person.nationalId());
        claims.put("given_name", person.firstName());
        claims.put("family_name", person.lastName());
        claims.put("SubjectRole", List.of(person.professionCode() + "^1.2.250.1.213.1.1.5.5"));
        claims.put(PscClaims.SUBJECT_REF_PRO, person.subjectRefPro());
        if (person.email() != null) {
            claims.put("email", person.email());
            claims.put("email_verified", true);
        }
        return new OidcUserInfo(claims);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(KeyPair pair) {
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(KEY_ID).build();
    }
}
