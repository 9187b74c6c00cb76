package eu.herald.links.domain;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper a poster run is printed on. */
public enum PosterPaper {
    A4(PDRectangle.A4),
    A3(PDRectangle.A3);

    private final PDRectangle size;

    PosterPaper(PDRectangle size) {
        this.size = size;
    }

    PDRectangle size() {
        return size;
    }
}
