package com.kontor.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Compiles the document templates once after start, in the background (start-up does not wait): the first
 * download is then fast, and a template that cannot compile in this runtime shows in the log at once.
 */
@Component
class TemplateWarmUp {

    private static final Logger log = LoggerFactory.getLogger(TemplateWarmUp.class);

    private final DocumentTemplates templates;

    TemplateWarmUp(DocumentTemplates templates) {
        this.templates = templates;
    }

    @EventListener(ApplicationReadyEvent.class)
    void compileInBackground() {
        Thread.ofVirtual().name("document-template-warm-up").start(() -> {
            long started = System.nanoTime();
            try {
                templates.get("letterhead");
                templates.get(DocumentRenderer.INVOICE_TEMPLATE);
                templates.get(DocumentRenderer.CREDIT_NOTE_TEMPLATE);
                templates.get(DunningLetterRenderer.TEMPLATE);
                templates.get(MandateRenderer.TEMPLATE);
                log.info("Document templates compiled in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("Document templates do not compile: documents cannot be rendered", e);
            }
        });
    }
}
