package com.kontor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.IntegrationTest;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.spring.SpringServlet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** A payments back office sends nothing to its framework's vendor: Vaadin's usage statistics are off in every mode. */
@IntegrationTest
class NoPhoneHomeTest {

    @Autowired
    ServletRegistrationBean<SpringServlet> vaadin;

    @Test
    void vaadinCollectsNoUsageStatistics() {
        DeploymentConfiguration configuration = vaadin.getServlet().getService().getDeploymentConfiguration();

        assertThat(configuration.getBooleanProperty(InitParameters.SERVLET_PARAMETER_DEVMODE_STATISTICS, true))
                .isFalse();
        assertThat(configuration.isUsageStatisticsEnabled()).isFalse();
    }
}
