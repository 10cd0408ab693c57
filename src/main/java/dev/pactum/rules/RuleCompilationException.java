package dev.pactum.rules;

/** The rule files cannot be turned into a knowledge base; the message names each bad file and line. */
public class RuleCompilationException extends RuntimeException {

    public RuleCompilationException(String message) {
        super(message);
    }
}
