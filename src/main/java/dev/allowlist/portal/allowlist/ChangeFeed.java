package dev.allowlist.portal.allowlist;

import dev.allowlist.portal.allowlist.core.Allowlist;
import dev.allowlist.portal.allowlist.core.ChangeReport;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An Atom feed that announces a customer's allowlist versions, newest first, each with what changed. */
public final class ChangeFeed {

    /** A version as the feed announces it. */
    public record Item(int number, OffsetDateTime createdAt, String cause, ChangeReport report) {
    }

    private ChangeFeed() {
    }

    public static String atom(long customerId, String customerName, List<Item> items) {
        StringWriter out = new StringWriter();
        try {
            // the JDK's own writer, whatever StAX implementation the classpath brings (FastExcel brings Aalto, which
            // writes ">" unescaped: valid XML, but feed readers and this feed's tests rely on the JDK's escaping)
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(xml, "id", "urn:allowlist-portal:customer:" + customerId);
            element(xml, "title", "Allowlist changes: " + customerName);
            element(xml, "updated", (items.isEmpty() ? OffsetDateTime.now() : items.get(0).createdAt()).toString());
            xml.writeStartElement("author");
            element(xml, "name", "Allowlist Portal");
            xml.writeEndElement();
            for (Item item : items) {
                ChangeReport r = item.report();
                xml.writeStartElement("entry");
                element(xml, "id", "urn:allowlist-portal:customer:" + customerId + ":v" + item.number());
                element(xml, "title", "Version " + item.number() + ": " + r.added().size() + " to add, "
                        + r.removed().size() + " to remove, " + r.changed().size() + " changed");
                element(xml, "updated", item.createdAt().toString());
                StringBuilder text = new StringBuilder("Cause: ").append(item.cause()).append('\n');
                r.added().forEach(c -> text.append("+ ").append(c.value()).append(" (").append(c.impact()).append(")\n"));
                r.removed().forEach(c -> text.append("- ").append(c.value()).append(" (").append(c.impact()).append(")\n"));
                r.changed().forEach(c -> text.append("~ ").append(c.value()).append(" (").append(c.detail()).append(")\n"));
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(text.toString());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out + "\n";
    }

    /**
     * The text with every character XML 1.0 does not allow (C0 controls but tab, line feed and carriage
     * return; U+FFFE, U+FFFF; unpaired surrogates) replaced by a space, so that any name makes a feed
     * a reader can parse.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(c).append(text.charAt(++i));
            } else if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                safe.append(c);
            } else {
                safe.append(' ');
            }
        }
        return safe.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }
}
