package org.notifyhub.letters;

/** The virus scanner could not be reached or gave no usable answer: the file is neither clean nor infected yet. */
public class VirusScanException extends RuntimeException {

    public VirusScanException(String message) {
        super(message);
    }

    public VirusScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
