package eu.herald.links.domain;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jspecify.annotations.Nullable;

/**
 * Lays out a poster run with PDFBox: one page per location with the organisation, the variant's image (when it has
 * one) above the text in one or two languages side by side, the location's QR code drawn as vectors (sharp at any
 * size) with its short address under it, and a footer with the organisation's logo (when it has one), the contact and
 * the location. The fonts are embedded (subset), so every accent prints; each picture is embedded once and drawn on
 * every page.
 */
final class PosterPdf {

    /** One language's column: the organisation's name, a headline (may be empty) and the text. */
    record Panel(String organisation, String headline, String body, String scanLine) {}

    /** One page: where it hangs, the short address it carries, its columns. */
    record Page(String location, String shortUrl, List<Panel> panels) {}

    /** A PNG or JPEG to print: the variant's image or the organisation's logo. */
    record Picture(String name, byte[] content) {}

    private final Path regular;
    private final Path bold;

    PosterPdf(Path regular, Path bold) {
        this.regular = regular;
        this.bold = bold;
    }

    byte[] render(PosterPaper paper, String title, @Nullable String contact, List<Page> pages) {
        return render(paper, title, contact, pages, null, null);
    }

    byte[] render(
            PosterPaper paper,
            String title,
            @Nullable String contact,
            List<Page> pages,
            @Nullable Picture image,
            @Nullable Picture logo) {
        for (Path font : List.of(regular, bold)) {
            if (!Files.isReadable(font)) {
                throw new IllegalStateException("The poster font " + font
                        + " is missing: install Debian's fonts-dejavu-core or set HERALD_LINKS_POSTER_FONT");
            }
        }
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Herald");
            Fonts fonts = new Fonts(PDType0Font.load(doc, regular.toFile()), PDType0Font.load(doc, bold.toFile()));
            Pictures pictures = new Pictures(xobject(doc, image), xobject(doc, logo));
            for (Page page : pages) {
                PDPage pdfPage = new PDPage(paper.size());
                doc.addPage(pdfPage);
                try (PDPageContentStream out = new PDPageContentStream(doc, pdfPage)) {
                    drawPage(out, fonts, paper.size(), page, contact, pictures);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pictures embedded in the document, each drawn on every page. */
    private record Pictures(
            @Nullable PDImageXObject image, @Nullable PDImageXObject logo) {}

    /** PDFBox keeps a JPEG as it is (DCT) and compresses a PNG losslessly. */
    private static @Nullable PDImageXObject xobject(PDDocument doc, @Nullable Picture picture) throws IOException {
        return picture == null ? null : PDImageXObject.createFromByteArray(doc, picture.content(), picture.name());
    }

    /** Draws the picture as large as fits in the box, its proportions kept, centred horizontally, at the box's top. */
    private static float drawFitted(
            PDPageContentStream out, PDImageXObject picture, float left, float bottom, float width, float height)
            throws IOException {
        float scale = Math.min(width / picture.getWidth(), height / picture.getHeight());
        float w = picture.getWidth() * scale;
        float h = picture.getHeight() * scale;
        out.drawImage(picture, left + (width - w) / 2, bottom + height - h, w, h);
        return h;
    }

    /** The two fonts, and which characters they can draw (others are left out rather than failing the poster). */
    private static final class Fonts {
        final PDType0Font regular;
        final PDType0Font bold;
        private final Map<String, Boolean> drawable = new HashMap<>();

        Fonts(PDType0Font regular, PDType0Font bold) {
            this.regular = regular;
            this.bold = bold;
        }

        String clean(PDType0Font font, String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String ch = Character.toString(cp == '\t' ? ' ' : cp);
                boolean ok = drawable.computeIfAbsent(font.getName() + ch, k -> {
                    try {
                        font.encode(ch);
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
                if (ok) {
                    out.append(ch);
                }
            });
            return out.toString();
        }

        float width(PDType0Font font, String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000f * size;
        }
    }

    private void drawPage(
            PDPageContentStream out,
            Fonts fonts,
            PDRectangle size,
            Page page,
            @Nullable String contact,
            Pictures pictures)
            throws IOException {
        float w = size.getWidth();
        float h = size.getHeight();
        float s = w / PDRectangle.A4.getWidth();
        float margin = 42 * s;

        // the organisation(s)
        LinkedHashSet<String> names = new LinkedHashSet<>();
        page.panels().forEach(p -> names.add(p.organisation()));
        String organisation = fonts.clean(fonts.bold, String.join(" · ", names));
        float top = h - margin - 14 * s;
        text(out, fonts.bold, 14 * s, margin, top, organisation);

        // the QR code and its address at the bottom
        float qrSize = 200 * s;
        float qrBottom = margin + 92 * s;
        float qrLeft = (w - qrSize) / 2;
        BitMatrix matrix = QrCodes.matrix(page.shortUrl(), 0);
        float module = qrSize / matrix.getWidth();
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    out.addRect(qrLeft + x * module, qrBottom + qrSize - (y + 1) * module, module, module);
                }
            }
        }
        out.fill();
        String address = fonts.clean(fonts.bold, page.shortUrl());
        float addressSize = 18 * s;
        while (fonts.width(fonts.bold, address, addressSize) > w - 2 * margin && addressSize > 8) {
            addressSize -= 1;
        }
        text(
                out,
                fonts.bold,
                addressSize,
                (w - fonts.width(fonts.bold, address, addressSize)) / 2,
                qrBottom - 24 * s,
                address);
        LinkedHashSet<String> scanLines = new LinkedHashSet<>();
        page.panels().forEach(p -> scanLines.add(p.scanLine()));
        String scan = fonts.clean(fonts.regular, String.join(" / ", scanLines));
        float scanSize = 12 * s;
        while (fonts.width(fonts.regular, scan, scanSize) > w - 2 * margin && scanSize > 6) {
            scanSize -= 0.5f;
        }
        text(
                out,
                fonts.regular,
                scanSize,
                (w - fonts.width(fonts.regular, scan, scanSize)) / 2,
                qrBottom + qrSize + 10 * s,
                scan);

        // the footer: the logo and the contact on the left, the location on the right
        float footerY = margin * 0.6f;
        float contactLeft = margin;
        PDImageXObject logo = pictures.logo();
        if (logo != null) {
            // at most 120 × 56 points on A4, its proportions kept, standing on the footer's line
            float scale = Math.min(120 * s / logo.getWidth(), 56 * s / logo.getHeight());
            float drawnWidth = logo.getWidth() * scale;
            out.drawImage(logo, margin, footerY - 2 * s, drawnWidth, logo.getHeight() * scale);
            contactLeft = margin + drawnWidth + 10 * s;
        }
        if (contact != null && !contact.isBlank()) {
            text(out, fonts.regular, 10 * s, contactLeft, footerY, fonts.clean(fonts.regular, contact.strip()));
        }
        String location = fonts.clean(fonts.regular, page.location());
        text(out, fonts.regular, 9 * s, w - margin - fonts.width(fonts.regular, location, 9 * s), footerY, location);

        // the text in one or two columns, the largest size at which every column fits
        int columns = page.panels().size();
        float gap = 28 * s;
        float columnWidth = (w - 2 * margin - (columns - 1) * gap) / columns;
        float textTop = top - 34 * s;
        float textBottom = qrBottom + qrSize + 36 * s;
        PDImageXObject image = pictures.image();
        if (image != null) {
            // the image across the columns, at most two fifths of the room above the code
            float box = (textTop - textBottom) * 0.4f;
            float drawn = drawFitted(out, image, margin, textTop - box, w - 2 * margin, box);
            textTop -= drawn + 18 * s;
        }
        float available = textTop - textBottom;
        float bodySize = 22 * s;
        List<List<Line>> laidOut;
        while (true) {
            laidOut = new ArrayList<>();
            float tallest = 0;
            for (Panel panel : page.panels()) {
                List<Line> lines = layout(fonts, panel, columnWidth, bodySize);
                laidOut.add(lines);
                tallest = Math.max(tallest, height(lines));
            }
            if (tallest <= available || bodySize <= 7) {
                break;
            }
            bodySize -= 0.5f;
        }
        for (int c = 0; c < columns; c++) {
            float x = margin + c * (columnWidth + gap);
            float y = textTop;
            for (Line line : laidOut.get(c)) {
                y -= line.size() * 1.3f;
                text(out, line.font(), line.size(), x, y, line.text());
            }
            if (c > 0) {
                out.setLineWidth(0.75f * s);
                out.moveTo(x - gap / 2, textTop);
                out.lineTo(x - gap / 2, textBottom);
                out.stroke();
            }
        }
    }

    private record Line(PDType0Font font, float size, String text) {}

    private static float height(List<Line> lines) {
        float total = 0;
        for (Line line : lines) {
            total += line.size() * 1.3f;
        }
        return total;
    }

    private List<Line> layout(Fonts fonts, Panel panel, float width, float bodySize) throws IOException {
        List<Line> lines = new ArrayList<>();
        float headlineSize = bodySize * 1.6f;
        if (!panel.headline().isBlank()) {
            String headline = fonts.clean(fonts.bold, panel.headline());
            // smaller rather than a word broken in two
            for (String word : headline.split(" +")) {
                while (headlineSize > bodySize && fonts.width(fonts.bold, word, headlineSize) > width) {
                    headlineSize -= 0.5f;
                }
            }
            for (String l : wrap(fonts, fonts.bold, headline, width, headlineSize)) {
                lines.add(new Line(fonts.bold, headlineSize, l));
            }
            lines.add(new Line(fonts.regular, bodySize * 0.6f, ""));
        }
        for (String paragraph : panel.body().split("\\R")) {
            if (paragraph.isBlank()) {
                lines.add(new Line(fonts.regular, bodySize * 0.6f, ""));
                continue;
            }
            for (String l :
                    wrap(fonts, fonts.regular, fonts.clean(fonts.regular, paragraph.strip()), width, bodySize)) {
                lines.add(new Line(fonts.regular, bodySize, l));
            }
        }
        return lines;
    }

    /** Greedy line breaking on spaces; a word wider than the column (an address) is broken where it must. */
    private static List<String> wrap(Fonts fonts, PDType0Font font, String text, float width, float size)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fonts.width(font, candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (fonts.width(font, rest, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && fonts.width(font, rest.substring(0, cut), size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }
}
