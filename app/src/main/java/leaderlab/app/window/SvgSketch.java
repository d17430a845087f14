package leaderlab.app.window;

import java.io.StringWriter;
import java.util.Locale;
import javafx.scene.paint.Color;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** {@link Sketch} as SVG elements, written with the JDK's StAX writer (it escapes text and attributes). */
final class SvgSketch implements Sketch {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter xml;

    SvgSketch(double width, double height) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("svg");
            xml.writeDefaultNamespace(SVG_NS);
            xml.writeAttribute("width", number(width));
            xml.writeAttribute("height", number(height));
            xml.writeAttribute("viewBox", "0 0 " + number(width) + " " + number(height));
            xml.writeAttribute("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot start the SVG document", e);
        }
    }

    @Override
    public void beginGroup(String kind, String name) {
        write(() -> {
            xml.writeStartElement("g");
            xml.writeAttribute("class", kind);
            xml.writeAttribute("data-name", name);
        });
    }

    @Override
    public void endGroup() {
        write(xml::writeEndElement);
    }

    @Override
    public void rect(
            double x, double y, double w, double h, double radius, Color fill, Color stroke, double strokeWidth) {
        write(() -> {
            xml.writeEmptyElement("rect");
            xml.writeAttribute("x", number(x));
            xml.writeAttribute("y", number(y));
            xml.writeAttribute("width", number(w));
            xml.writeAttribute("height", number(h));
            if (radius > 0) {
                xml.writeAttribute("rx", number(radius));
            }
            paint(fill, stroke, strokeWidth);
        });
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color stroke, double width, boolean dashed) {
        write(() -> {
            xml.writeEmptyElement("line");
            xml.writeAttribute("x1", number(x1));
            xml.writeAttribute("y1", number(y1));
            xml.writeAttribute("x2", number(x2));
            xml.writeAttribute("y2", number(y2));
            paint(null, stroke, width);
            if (dashed) {
                xml.writeAttribute("stroke-dasharray", number(width * 3) + " " + number(width * 2));
            }
        });
    }

    @Override
    public void polygon(double[] xs, double[] ys, Color fill) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            points.append(i == 0 ? "" : " ").append(number(xs[i])).append(',').append(number(ys[i]));
        }
        write(() -> {
            xml.writeEmptyElement("polygon");
            xml.writeAttribute("points", points.toString());
            paint(fill, null, 0);
        });
    }

    @Override
    public void text(double x, double baseline, String content, double size, boolean bold, Color fill) {
        write(() -> {
            xml.writeStartElement("text");
            xml.writeAttribute("x", number(x));
            xml.writeAttribute("y", number(baseline));
            xml.writeAttribute("font-size", number(size));
            if (bold) {
                xml.writeAttribute("font-weight", "bold");
            }
            xml.writeAttribute("fill", colour(fill));
            xml.writeCharacters(content);
            xml.writeEndElement();
        });
    }

    /** The finished document. */
    String finish() {
        write(() -> {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        });
        return text.toString();
    }

    private void paint(Color fill, Color stroke, double strokeWidth) throws XMLStreamException {
        xml.writeAttribute("fill", fill == null ? "none" : colour(fill));
        if (stroke != null) {
            xml.writeAttribute("stroke", colour(stroke));
            xml.writeAttribute("stroke-width", number(strokeWidth));
        }
    }

    private static String colour(Color c) {
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private interface XmlWrite {
        void run() throws XMLStreamException;
    }

    private void write(XmlWrite step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write SVG: " + e.getMessage(), e);
        }
    }
}
