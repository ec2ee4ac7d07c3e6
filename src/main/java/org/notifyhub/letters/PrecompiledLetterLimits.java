package org.notifyhub.letters;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much work checking one precompiled letter may cause (notify.letters.precompiled.*): the bytes its streams may
 * inflate to, all together, and how long the check may take. A file past either bound is refused as one Notify cannot
 * read; it is never printed, and the node never holds more than the bound for it.
 */
@ConfigurationProperties("notify.letters.precompiled")
public record PrecompiledLetterLimits(long maxDecodedBytes, Duration maxCheckTime) {

    /** 100 MiB: several full-page uncompressed images fit; a deflate bomb does not. */
    public static final PrecompiledLetterLimits DEFAULT =
            new PrecompiledLetterLimits(100L * 1024 * 1024, Duration.ofSeconds(30));

    public PrecompiledLetterLimits {
        if (maxDecodedBytes < 1 || maxCheckTime == null || maxCheckTime.isNegative() || maxCheckTime.isZero()) {
            throw new IllegalArgumentException(
                    "notify.letters.precompiled.max-decoded-bytes and max-check-time must be positive");
        }
    }
}
