package dev.pactum.web;

import java.util.List;

/**
 * The checks of a request body beyond its Bean Validation constraints (a customer that must exist, a template,
 * dates that must agree). {@link ProblemHandler} runs them also on a body that broke its constraints and answers
 * every fault in one round, not the constraints first and these only after a second try.
 *
 * @param <T> the request body's type
 */
public interface RequestChecks<T> {

    Class<T> type();

    /** Every problem of {@code request}, which may break its constraints (skip what they already report). */
    List<FieldProblem> problems(T request);
}
