package dev.pactum.security;

import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * What a new or changed password must be: at least {@code pactum.security.password.min-length} characters, and
 * free of the user's id, first name, last name and email. No rules on character classes (NIST SP 800-63B: length
 * helps, composition rules mostly do not). Camunda applies it whenever a password is set, through Camunda Admin,
 * the engine REST API or the Java API, and Camunda Admin shows both rules in its own translations.
 */
class PactumPasswordPolicy implements PasswordPolicy {

    private final List<PasswordPolicyRule> rules;

    PactumPasswordPolicy(int minLength) {
        this.rules = List.of(new PasswordPolicyLengthRuleImpl(minLength), new PasswordPolicyUserDataRuleImpl());
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }
}
