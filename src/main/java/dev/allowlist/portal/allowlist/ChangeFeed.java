package dev.allowlist.portal.allowlist;

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
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
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

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " "));
        xml.writeEndElement();
    }
}
