package org.notifyhub.broadcasts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads CAP 1.2 alerts: a document is accepted only if it is valid against OASIS's CAP 1.2 schema, as Notify checked
 * it, and then read as Notify read it. No DOCTYPE, external entity or external schema is ever followed.
 */
public final class CapDocuments {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final Schema SCHEMA = loadSchema();

    private CapDocuments() {
    }

    /** The alert, or null when the bytes are not valid CAP XML. */
    public static CapAlert read(byte[] xml) {
        Document document = validDocument(xml);
        return document == null ? null : alert(document.getDocumentElement());
    }

    static Document validDocument(byte[] xml) {
        try {
            DocumentBuilder builder = builders().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            Document document = builder.parse(new ByteArrayInputStream(xml));
            Validator validator = SCHEMA.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(document));
            return document;
        } catch (SAXException | IOException invalid) {
            return null;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML parser", e);
        }
    }

    private static CapAlert alert(Element alert) {
        Element info = child(alert, "info");
        List<CapAlert.Area> areas = new ArrayList<>();
        if (info != null) {
            for (Element area : children(info, "area")) {
                List<List<double[]>> polygons = new ArrayList<>();
                for (Element polygon : children(area, "polygon")) {
                    polygons.add(polygon(polygon.getTextContent()));
                }
                areas.add(new CapAlert.Area(text(area, "areaDesc"), polygons));
            }
        }
        return new CapAlert(text(alert, "msgType"), text(alert, "identifier"), text(alert, "references"),
                text(info, "event"), text(info, "category"), text(info, "expires"), text(info, "description"),
                areas);
    }

    /** "lat,lon lat,lon …" as pairs; a pair that is not two numbers is kept as what it has, for the schema check. */
    static List<double[]> polygon(String text) {
        List<double[]> pairs = new ArrayList<>();
        for (String pair : text.strip().split("\\s+")) {
            String[] parts = pair.split(",");
            double[] numbers = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    numbers[i] = Double.parseDouble(parts[i]);
                } catch (NumberFormatException notNumber) {
                    numbers = new double[0];
                    break;
                }
            }
            pairs.add(numbers);
        }
        return pairs;
    }

    private static String text(Element parent, String name) {
        Element element = parent == null ? null : child(parent, name);
        return element == null ? null : element.getTextContent();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static DocumentBuilderFactory builders() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static Schema loadSchema() {
        try (InputStream xsd = CapDocuments.class.getResourceAsStream("/broadcasts/CAP-v1.2.xsd")) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new javax.xml.transform.stream.StreamSource(xsd));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("The CAP 1.2 schema could not be loaded", e);
        }
    }
}
