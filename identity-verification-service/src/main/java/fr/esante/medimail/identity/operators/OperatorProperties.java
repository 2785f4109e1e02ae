package fr.esante.medimail.identity.operators;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator accounts, from configuration ({@code medimail.identity.operators[i].username / password-hash / roles}).
 * None ship with the service; each deployment sets its own. Passwords are only ever given as BCrypt hashes.
 */
@ConfigurationProperties(prefix = "medimail.identity")
public record OperatorProperties(List<Member> operators) {

    public OperatorProperties {
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    /** One operator: login, BCrypt hash of the password, roles (e.g. OPERATOR). */
    public record Member(String username, String passwordHash, List<String> roles) {

        public Member {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
