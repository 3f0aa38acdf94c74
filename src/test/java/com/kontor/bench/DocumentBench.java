package com.kontor.bench;

import com.kontor.document.DocumentContent;
import com.kontor.document.DocumentFixtures;
import com.kontor.document.DocumentRenderer;
import com.kontor.document.DocumentTemplates;
import com.kontor.document.DunningLetterRenderer;
import com.kontor.document.MandateRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Issue 16, item 7: rendering one invoice to PDF (DOC-1), warm, without Spring or a database. Not part of the suite.
 * Run: {@code ./mvnw -o test-compile} then
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) com.kontor.bench.DocumentBench [sample-dir]}, or
 * {@code ./mvnw -o exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.kontor.bench.DocumentBench}.
 *
 * <ul>
 *   <li>One invoice (German, logo, 3 lines at 19, 7 and 0 %, one page): median and p95 of 500 renderings after 200
 *   warm-ups, one thread.</li>
 *   <li>A batch of 1,000 such invoices on one thread and on as many threads as there are cores: invoices per second.</li>
 * </ul>
 * With a directory as argument it also writes sample PDFs there (German invoice and credit note with logo, 40 lines,
 * test mode; an English one-page invoice; a German dunning letter in test mode, an English one and a German SEPA
 * mandate) to look at as page images.
 */
public final class DocumentBench {

    private DocumentBench() {}

    public static void main(String[] args) throws Exception {
        DocumentRenderer renderer = new DocumentRenderer(new DocumentTemplates());
        byte[] logo = DocumentFixtures.logoPng();
        if (args.length > 0) {
            writeSamples(renderer, logo, Path.of(args[0]));
        }
        DocumentContent invoice = DocumentFixtures.invoice(3, Locale.GERMAN, false, logo);

        long compileStart = System.nanoTime();
        int size = renderer.render(invoice).length;
        System.out.printf(
                Locale.ROOT,
                "first rendering (compiles the template): %d ms, %d bytes%n",
                (System.nanoTime() - compileStart) / 1_000_000,
                size);
        for (int i = 0; i < 200; i++) {
            renderer.render(invoice);
        }
        long[] nanos = new long[500];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            renderer.render(invoice);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "one invoice, warm: median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)%n",
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.95)] / 1e6,
                nanos[nanos.length - 1] / 1e6,
                nanos.length);

        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            renderer.render(invoice);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "batch of 1,000, 1 thread: %.1f s, %.0f invoices/s%n", seconds, 1000 / seconds);

        int threads = Runtime.getRuntime().availableProcessors();
        start = System.nanoTime();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < 1000; i++) {
                pool.submit(() -> renderer.render(invoice));
            }
        }
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT, "batch of 1,000, %d threads: %.1f s, %.0f invoices/s%n", threads, seconds, 1000 / seconds);
    }

    private static void writeSamples(DocumentRenderer renderer, byte[] logo, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(
                dir.resolve("invoice-de-40-test.pdf"),
                renderer.render(DocumentFixtures.invoice(40, Locale.GERMAN, true, logo)));
        Files.write(
                dir.resolve("credit-note-de-40-test.pdf"),
                renderer.render(DocumentFixtures.creditNote(40, Locale.GERMAN, true, logo)));
        Files.write(
                dir.resolve("invoice-en-3.pdf"),
                renderer.render(DocumentFixtures.invoice(3, Locale.ENGLISH, false, logo)));
        DocumentTemplates templates = new DocumentTemplates();
        Files.write(
                dir.resolve("dunning-letter-de-test.pdf"),
                new DunningLetterRenderer(templates).render(DocumentFixtures.dunningLetter(Locale.GERMAN, true, logo)));
        Files.write(
                dir.resolve("dunning-letter-en.pdf"),
                new DunningLetterRenderer(templates)
                        .render(DocumentFixtures.dunningLetter(Locale.ENGLISH, false, logo)));
        Files.write(
                dir.resolve("sepa-mandate-de.pdf"),
                new MandateRenderer(templates).render(DocumentFixtures.mandate(Locale.GERMAN, false, "DE02…2051")));
        System.out.println("samples written to " + dir);
    }
}
