package org.cartpath.platform.database;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a whole transaction again when PostgreSQL gave it up as a serialization failure (SQLSTATE 40001) or a deadlock
 * victim (40P01), a bounded number of times, instead of answering 500 (docs/security-and-reliability.md, "Retries").
 *
 * <p>Both failures mean PostgreSQL rolled the transaction back whole and that running it again may succeed (PostgreSQL
 * documentation, 13.2.3 "Serializable Isolation Level" and 13.3.4 "Deadlocks": applications should retry). It is safe
 * here because a cartpath transaction has no effect outside the database before it commits: the audit row is in it,
 * and what happens after (webhooks, notices) is registered to run after the commit and is dropped with a rollback.
 * Only the outermost {@code @Transactional} method is retried: a method that joined a transaction cannot run again on
 * its own (the transaction is already lost), so its failure goes up to the outermost one. After the last attempt the
 * failure goes to the error handlers, which answer 503 {@code database-busy} with {@code Retry-After}.
 *
 * <p>Ordered before Spring's transaction interceptor, so each attempt is a transaction of its own.
 */
public final class TransactionRetries extends AbstractPointcutAdvisor {

    /** Attempts in all, the first included. */
    public static final int ATTEMPTS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(TransactionRetries.class);

    private final ComposablePointcut pointcut = new ComposablePointcut(
            AnnotationMatchingPointcut.forClassAnnotation(Transactional.class))
            .union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class));

    private final MethodInterceptor retrying = this::invoke;

    public TransactionRetries() {
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public ComposablePointcut getPointcut() {
        return pointcut;
    }

    @Override
    public MethodInterceptor getAdvice() {
        return retrying;
    }

    private Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed(); // joined: only the outermost transaction can run again
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return copy(invocation).proceed();
            } catch (RuntimeException | Error failure) {
                String state = retryableState(failure);
                if (state == null || attempt == ATTEMPTS) {
                    throw failure;
                }
                LOG.info("Transaction {} failed with SQLSTATE {} (attempt {} of {}); running it again",
                        invocation.getMethod().getName(), state, attempt, ATTEMPTS);
                Thread.sleep(backoffMillis(attempt));
            }
        }
    }

    private static MethodInvocation copy(MethodInvocation invocation) {
        // each attempt runs the rest of the interceptor chain again from here
        return invocation instanceof org.springframework.aop.ProxyMethodInvocation proxied
                ? proxied.invocableClone() : invocation;
    }

    /** 10, 20, 40 ms, each with up to as much again at random, so that two transactions that collided part. */
    static long backoffMillis(int attempt) {
        long base = 10L << (attempt - 1);
        return base + ThreadLocalRandom.current().nextLong(base + 1);
    }

    /** The SQLSTATE that makes the failure worth another attempt (40001, 40P01), or null. */
    public static String retryableState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isRetryable(sql.getSQLState())) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static boolean isRetryable(String state) {
        return "40001".equals(state) || "40P01".equals(state);
    }
}
