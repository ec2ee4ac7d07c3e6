package org.notifyhub.letters;

/** Scans an uploaded file for viruses before anything else reads it. */
public interface VirusScanner {

    /** @throws VirusScanException when the scanner could not give an answer (a retry may) */
    ScanResult scan(byte[] content);

    /** Clean, or infected with the named signature. */
    record ScanResult(boolean infected, String signature) {

        public static ScanResult clean() {
            return new ScanResult(false, null);
        }

        public static ScanResult infected(String signature) {
            return new ScanResult(true, signature);
        }
    }
}
