package org.cartpath.custody.labels;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws a laid-out label as a 300 dpi greyscale PNG, one pixel per printer dot, for printers that take
 * images and for previews. Bars are drawn without anti-aliasing so every module keeps sharp edges.
 */
final class PngLabelPainter {

    private final Graphics2D graphics;

    private PngLabelPainter(Graphics2D graphics) {
        this.graphics = graphics;
    }

    static byte[] paint(LabelSheet sheet) {
        BufferedImage image = new BufferedImage(sheet.width(), sheet.height(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, sheet.width(), sheet.height());
            graphics.setColor(Color.BLACK);
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            PngLabelPainter painter = new PngLabelPainter(graphics);
            sheet.elements().forEach(painter::draw);
        } finally {
            graphics.dispose();
        }
        return png(image);
    }

    // Java 17 has no pattern matching in switch; the sealed interface keeps this list complete.
    private void draw(LabelElement element) {
        if (element instanceof LabelElement.Text text) {
            text(text.x(), text.baseline(), font(text.size(), text.bold()), text.text());
        } else if (element instanceof LabelElement.EyeReadable eye) {
            eyeReadable(eye);
        } else if (element instanceof LabelElement.Banner banner) {
            banner(banner);
        } else if (element instanceof LabelElement.LinearSymbol bars) {
            linear(bars);
        } else if (element instanceof LabelElement.MatrixSymbol matrix) {
            matrix(matrix);
        }
    }

    private void eyeReadable(LabelElement.EyeReadable eye) {
        Font regular = font(eye.size(), false);
        Font bold = font(eye.size(), true);
        int x = eye.x();
        text(x, eye.baseline(), regular, eye.caption());
        x += width(regular, eye.caption() + "  ");
        text(x, eye.baseline(), bold, eye.text());
        x += width(bold, eye.text()) + Math.round(0.4f * eye.size());
        String check = String.valueOf(eye.checkCharacter());
        int boxWidth = width(bold, check) + Math.round(0.4f * eye.size());
        graphics.setStroke(new BasicStroke(Math.max(1, 0.07f * eye.size())));
        graphics.drawRect(x, Math.round(eye.baseline() - 0.9f * eye.size()), boxWidth, Math.round(1.15f * eye.size()));
        text(x + Math.round(0.2f * eye.size()), eye.baseline(), bold, check);
    }

    private void banner(LabelElement.Banner banner) {
        graphics.fillRect(banner.x(), banner.y(), banner.width(), banner.height());
        graphics.setColor(Color.WHITE);
        Font bold = font(banner.size(), true);
        text(banner.x() + (banner.width() - width(bold, banner.text())) / 2,
                Math.round(banner.y() + (banner.height() + 0.7f * banner.size()) / 2), bold, banner.text());
        graphics.setColor(Color.BLACK);
    }

    private void linear(LabelElement.LinearSymbol bars) {
        boolean[] modules = bars.modules();
        for (int i = 0; i < modules.length; i++) {
            if (modules[i]) {
                graphics.fillRect(bars.x() + i * bars.moduleWidth(), bars.y(), bars.moduleWidth(), bars.height());
            }
        }
    }

    private void matrix(LabelElement.MatrixSymbol matrix) {
        int module = matrix.moduleSize();
        for (int row = 0; row < matrix.modules().getHeight(); row++) {
            for (int column = 0; column < matrix.modules().getWidth(); column++) {
                if (matrix.modules().get(column, row)) {
                    graphics.fillRect(matrix.x() + column * module, matrix.y() + row * module, module, module);
                }
            }
        }
    }

    private void text(int x, int baseline, Font font, String text) {
        graphics.setFont(font);
        graphics.drawString(text, x, baseline);
    }

    private int width(Font font, String text) {
        return graphics.getFontMetrics(font).stringWidth(text);
    }

    private static Font font(int size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
    }

    /** Encodes the image with its resolution (pHYs), so that it prints at the label's real size. */
    private static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            String millimetresPerDot = String.valueOf(25.4 / LabelSheet.DOTS_PER_INCH);
            IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
            horizontal.setAttribute("value", millimetresPerDot);
            IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
            vertical.setAttribute("value", millimetresPerDot);
            IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
            dimension.appendChild(horizontal);
            dimension.appendChild(vertical);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
            root.appendChild(dimension);
            metadata.mergeTree("javax_imageio_1.0", root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
