package org.notifyhub.letters;

import java.awt.geom.Rectangle2D;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Where things sit on an A4 letter page, in PDF points. The address window is the part of page 1 that shows through
 * the envelope: templated letters print the address there and precompiled letters must have it there.
 */
public final class LetterPage {

    public static final float MM = 72f / 25.4f;
    public static final PDRectangle A4 = PDRectangle.A4;

    public static final float ADDRESS_LEFT = 24.6f * MM;
    public static final float ADDRESS_TOP = 39.5f * MM;
    public static final float ADDRESS_WIDTH = 95.4f * MM;
    public static final float ADDRESS_HEIGHT = 26.8f * MM;

    /** Pages of a letter that may be printed: more fail validation (5 sheets, printed on both sides). */
    public static final int MAX_PAGES = 10;

    private LetterPage() {
    }

    /** The address window measured from the top-left corner, as text extraction by area measures it. */
    public static Rectangle2D addressWindow() {
        return new Rectangle2D.Float(ADDRESS_LEFT, ADDRESS_TOP, ADDRESS_WIDTH, ADDRESS_HEIGHT);
    }

    /** Sheets of paper, which is what a letter is billed by: pages printed on both sides. */
    public static int sheets(int pageCount) {
        return (pageCount + 1) / 2;
    }
}
