package eu.herald.common.web;

import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The API's errors as Problem Details (RFC 9457), titled and explained in the caller's language (Accept-Language).
 * Requests outside {@code /api/} are left to the localised error pages: the handlers rethrow for them. It runs
 * before Boot's own Problem Details handler, which remains for the framework's rarer errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String TYPE_BASE = "https://herald.eu/problems/";

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException e, HttpServletRequest request)
            throws AuthenticationException {
        requireApi(request, e);
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail forbidden(AccessDeniedException e, HttpServletRequest request) throws AccessDeniedException {
        requireApi(request, e);
        return problem(HttpStatus.FORBIDDEN, "forbidden");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) throws NotFoundException {
        requireApi(request, e);
        return problem(HttpStatus.NOT_FOUND, "notFound");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noRoute(NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
        requireApi(request, e);
        return problem(HttpStatus.NOT_FOUND, "notFound");
    }

    @ExceptionHandler(RefusedException.class)
    ProblemDetail refused(RefusedException e, HttpServletRequest request) throws RefusedException {
        requireApi(request, e);
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "refused");
        problem.setDetail(messages.getMessage(e.messageKey(), e.arguments(), locale()));
        problem.setProperty("code", e.messageKey());
        e.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail conflict(OptimisticLockingFailureException e, HttpServletRequest request)
            throws OptimisticLockingFailureException {
        requireApi(request, e);
        return problem(HttpStatus.CONFLICT, "conflict");
    }

    @ExceptionHandler({MethodArgumentNotValidException.class, BindException.class})
    ProblemDetail invalid(BindException e, HttpServletRequest request) throws BindException {
        requireApi(request, e);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", message(error)))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        return problem(HttpStatus.BAD_REQUEST, "unreadable");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        requireApi(request, e);
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method");
    }

    /** A bug: logged with its stack trace for us, answered without one for the caller. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e, HttpServletRequest request) {
        requireApi(request, e);
        log.error("Unexpected error answering an API call to {}", request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected");
    }

    private String message(FieldError error) {
        return messages.getMessage(error, locale());
    }

    private ProblemDetail problem(HttpStatus status, String code) {
        Locale locale = locale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, locale));
        problem.setDetail(messages.getMessage("problem." + code + ".detail", null, locale));
        return problem;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static <E extends Exception> void requireApi(HttpServletRequest request, E e) throws E {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
    }
}
