package com.kontor.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.transaction.TransactionException;

/** {@link DatabaseErrorView} for no transaction could begin (no connection within the pool's timeout). */
@AnonymousAllowed
public class TransactionErrorView extends DatabaseErrorView implements HasErrorParameter<TransactionException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<TransactionException> parameter) {
        return show(event, parameter.getCaughtException());
    }
}
