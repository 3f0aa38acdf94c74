package com.kontor.db;

import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tries every {@code @Transactional} method that writes again when its transaction met another one (PLAT-6): the
 * same bounded loop as {@link RetryingTransactions}, so a deadlock, a Galera certification failure at commit or a
 * lock wait timeout is handled in one place and not per call site. It wraps the outermost transaction only (it is
 * ordered just outside Spring's transaction advice, and a method called inside a running transaction is left to
 * that transaction's own retry), and leaves read-only methods alone.
 */
@Component
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class TransactionRetryAdvisor extends StaticMethodMatcherPointcutAdvisor {

    TransactionRetryAdvisor() {
        setAdvice((MethodInterceptor) TransactionRetryAdvisor::retryOutermost);
        // just outside Spring's transaction advisor (LOWEST_PRECEDENCE): each try is a whole new transaction
        setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    }

    @Override
    public ClassFilter getClassFilter() {
        return type -> type.getName().startsWith("com.kontor.");
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        Transactional transactional = AnnotatedElementUtils.findMergedAnnotation(specific, Transactional.class);
        if (transactional == null) {
            transactional = AnnotatedElementUtils.findMergedAnnotation(targetClass, Transactional.class);
        }
        return transactional != null && !transactional.readOnly();
    }

    private static Object retryOutermost(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || !(invocation instanceof ProxyMethodInvocation proxied)) {
            return invocation.proceed();
        }
        return RetryingTransactions.retrying(() -> proxied.invocableClone().proceed());
    }
}
