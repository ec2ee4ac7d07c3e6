package org.notifyhub.letters;

import java.nio.charset.StandardCharsets;

/**
 * The scanner when no ClamAV is configured: every file is clean except one holding the EICAR anti-virus test
 * signature, so the virus-scan-failed path can be tried end to end without a real virus or a real scanner.
 */
public class LocalVirusScanner implements VirusScanner {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    private static final byte[] SIGNATURE = EICAR.getBytes(StandardCharsets.US_ASCII);

    @Override
    public ScanResult scan(byte[] content) {
        return indexOf(content, SIGNATURE) >= 0 ? ScanResult.infected("Eicar-Signature") : ScanResult.clean();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
