package com.kontor.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.dao.DataAccessException;

/** {@link DatabaseErrorView} for Spring's translated database failures (repositories, JdbcTemplate). */
@AnonymousAllowed
public class DataAccessErrorView extends DatabaseErrorView implements HasErrorParameter<DataAccessException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DataAccessException> parameter) {
        return show(event, parameter.getCaughtException());
    }
}
