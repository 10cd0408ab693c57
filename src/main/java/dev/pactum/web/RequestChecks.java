package dev.pactum.web;

import java.util.List;
import java.util.Set;

/**
 * The checks of a request body beyond its Bean Validation constraints (a customer that must exist, a template,
 * dates that must agree). {@link ProblemHandler} runs them also on a body that broke its constraints and answers
 * every fault in one round, not the constraints first and these only after a second try.
 *
 * @param <T> the request body's type
 */
public interface RequestChecks<T> {

    Class<T> type();

    /**
     * Every problem of {@code request}, which may break its constraints: {@code invalidFields} are the fields (as
     * {@code terms.minimumTermMonths}) whose constraints failed; a check that would only repeat one, or reason from
     * a value already refused, is skipped.
     */
    List<FieldProblem> problems(T request, Set<String> invalidFields);
}
