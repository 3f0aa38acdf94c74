package com.kontor.mail.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.kontor.mail.MailProperties;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo's and the tests' mail server: GreenMail (SMTP and IMAP) in the same JVM when
 * {@code kontor.mail.embedded.enabled=true} (the embedded start switches it on), and the sender pointed at it.
 * Mailboxes appear on receipt, with the address as login and password. Production leaves it off and configures
 * {@code spring.mail.*}, from which Spring Boot builds the sender.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kontor.mail.embedded.enabled", havingValue = "true")
class EmbeddedMailServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private static final String HOST = "127.0.0.1";

    @Bean(destroyMethod = "stop")
    GreenMail embeddedGreenMail(MailProperties properties) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            setup(properties.embedded().smtpPort(), ServerSetup.PROTOCOL_SMTP),
            setup(properties.embedded().imapPort(), ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.start();
        log.info(
                "Embedded mail server: SMTP on {}:{}, IMAP on {}:{} (login and password: the recipient's address)",
                HOST,
                greenMail.getSmtp().getPort(),
                HOST,
                greenMail.getImap().getPort());
        return greenMail;
    }

    @Bean
    JavaMailSender embeddedMailSender(GreenMail greenMail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(HOST);
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        Properties javaMail = new Properties();
        javaMail.put("mail.smtp.connectiontimeout", "5000");
        javaMail.put("mail.smtp.timeout", "10000");
        javaMail.put("mail.smtp.writetimeout", "10000");
        sender.setJavaMailProperties(javaMail);
        return sender;
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, HOST, protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }
}
