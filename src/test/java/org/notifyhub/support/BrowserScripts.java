package org.notifyhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The scripts in src/test/browser that drive Debian's headless Chromium through playwright-core. */
public final class BrowserScripts {

    public static final Path DIR = Path.of("src/test/browser");
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private BrowserScripts() {
    }

    /** Chromium must be on the machine (the test fails, never skips, without it); npm installs playwright-core once. */
    public static void ensureInstalled() throws Exception {
        assertThat(CHROMIUM).as("Chromium (Debian package chromium, installed by .ci/run)").isExecutable();
        if (!Files.isDirectory(DIR.resolve("node_modules/playwright-core"))) {
            Process npm = new ProcessBuilder("npm", "install", "--no-package-lock", "--no-audit", "--no-fund")
                    .directory(DIR.toFile()).inheritIO().start();
            assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm install finished").isTrue();
            assertThat(npm.exitValue()).as("npm install exit code").isZero();
        }
    }
}
