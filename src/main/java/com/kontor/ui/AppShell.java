package com.kontor.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings. Styles come as plain stylesheets, so no frontend bundle (and no Node) is needed. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/app.css")
public class AppShell implements AppShellConfigurator {}
