package com.kontor.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.persistence.PersistenceException;

/** {@link DatabaseErrorView} for Hibernate's failures that were not translated. */
@AnonymousAllowed
public class PersistenceErrorView extends DatabaseErrorView implements HasErrorParameter<PersistenceException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<PersistenceException> parameter) {
        return show(event, parameter.getCaughtException());
    }
}
