package org.notifyhub.letters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PostalAddress;
import org.notifyhub.recipients.PostalAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a precompiled letter as Notify's template preview does before it may be printed: a PDF that opens, 1 to
 * {@value LetterPage#MAX_PAGES} A4 portrait pages, and a valid postal address in the envelope window of page 1.
 * Failures carry Notify's message codes, which the invalid bucket's metadata keeps. A file Notify could not read is
 * {@code unable-to-read-the-file}, and so is one that is encrypted (even with only an owner password, which any reader
 * opens) or costs more to read than {@link PrecompiledLetterLimits} allow: template preview refuses any file it fails
 * on with that code, and a printer must never get either.
 */
public final class PrecompiledLetterValidator {

    private static final Logger log = LoggerFactory.getLogger(PrecompiledLetterValidator.class);
    private static final String UNREADABLE = "unable-to-read-the-file";
    private static final float SIZE_TOLERANCE = 3f;
    private static final String WINDOW = "address";

    /** The verdict: on a pass {@code address} is the address read from the window; on a fail {@code message} says why. */
    public record Outcome(boolean passed, String message, List<Integer> invalidPages, int pageCount,
                          PostalAddress address) {

        static Outcome failed(String message, List<Integer> invalidPages, int pageCount) {
            return new Outcome(false, message, List.copyOf(invalidPages), pageCount, null);
        }
    }

    private PrecompiledLetterValidator() {
    }

    public static Outcome validate(byte[] pdf, boolean allowInternational) {
        return validate(pdf, allowInternational, PrecompiledLetterLimits.DEFAULT);
    }

    public static Outcome validate(byte[] pdf, boolean allowInternational, PrecompiledLetterLimits limits) {
        PdfWorkBudget budget = PdfWorkBudget.of(limits, System.nanoTime());
        try {
            budget.inflateRaw(pdf);
        } catch (PdfWorkBudget.ExceededException e) {
            log.warn("Precompiled letter refused before opening it: {}", e.getMessage());
            return Outcome.failed(UNREADABLE, List.of(), 0);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                log.info("Precompiled letter refused: the PDF is encrypted");
                return Outcome.failed(UNREADABLE, List.of(), 0);
            }
            budget.inflateAll(document.getDocument());
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                return Outcome.failed(UNREADABLE, List.of(), 0);
            }
            if (pages > LetterPage.MAX_PAGES) {
                return Outcome.failed("letter-too-long", List.of(), pages);
            }
            List<Integer> notA4 = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                if (!isA4Portrait(document.getPage(i))) {
                    notA4.add(i + 1);
                }
            }
            if (!notA4.isEmpty()) {
                return Outcome.failed("letter-not-a4-portrait-oriented", notA4, pages);
            }
            budget.checkTime();
            String addressText = addressWindowText(document.getPage(0));
            budget.checkTime();
            if (addressText.isBlank()) {
                return Outcome.failed("address-is-empty", List.of(1), pages);
            }
            PostalAddress address = PostalAddresses.parse(addressText);
            String problem = addressProblem(address, allowInternational);
            return problem == null ? new Outcome(true, null, List.of(), pages, address)
                    : Outcome.failed(problem, List.of(1), pages);
        } catch (PdfWorkBudget.ExceededException e) {
            log.warn("Precompiled letter refused: {}", e.getMessage());
            return Outcome.failed(UNREADABLE, List.of(), 0);
        } catch (IOException e) {
            return Outcome.failed(UNREADABLE, List.of(), 0);
        }
    }

    /** The text printed inside the address window of a page, one line per printed line. */
    public static String addressWindowText(PDPage page) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.setSortByPosition(true);
        stripper.addRegion(WINDOW, LetterPage.addressWindow());
        stripper.extractRegions(page);
        return stripper.getTextForRegion(WINDOW);
    }

    private static boolean isA4Portrait(PDPage page) {
        PDRectangle box = page.getMediaBox();
        boolean turned = page.getRotation() % 180 != 0;
        float width = turned ? box.getHeight() : box.getWidth();
        float height = turned ? box.getWidth() : box.getHeight();
        return Math.abs(width - LetterPage.A4.getWidth()) <= SIZE_TOLERANCE
                && Math.abs(height - LetterPage.A4.getHeight()) <= SIZE_TOLERANCE;
    }

    private static String addressProblem(PostalAddress address, boolean allowInternational) {
        if (address.international() && !allowInternational) {
            return "cant-send-international-letters";
        }
        try {
            PostalAddresses.validate(address, allowInternational);
            return null;
        } catch (InvalidRecipientException e) {
            return switch (e.getMessage()) {
                case PostalAddresses.TOO_FEW_LINES -> "not-enough-address-lines";
                case PostalAddresses.TOO_MANY_LINES -> "too-many-address-lines";
                case PostalAddresses.NOT_A_UK_POSTCODE -> "not-a-real-uk-postcode";
                case PostalAddresses.NOT_A_UK_POSTCODE_OR_COUNTRY -> "not-a-real-uk-postcode-or-country";
                case PostalAddresses.INVALID_FIRST_CHARACTER -> "invalid-char-in-address";
                default -> "address-is-invalid";
            };
        }
    }
}
