package com.kontor.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;

/** A failed browser test leaves a screenshot and the page source under target/browser-failures/. */
public class FailureArtifacts implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String name = context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        Path dir = Path.of("target", "browser-failures");
        try {
            Files.createDirectories(dir);
            byte[] png = Browser.get().getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
            Files.writeString(dir.resolve(name + ".html"), Browser.get().getPageSource());
            System.err.println("Browser test failed: screenshot in "
                    + dir.resolve(name + ".png").toAbsolutePath() + " (page at "
                    + Browser.get().getCurrentUrl() + ")");
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the failure screenshot: " + e.getMessage());
        }
    }
}
