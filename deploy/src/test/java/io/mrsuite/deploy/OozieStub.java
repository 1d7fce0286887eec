package io.mrsuite.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The part of Oozie's REST API that {@code oozie job -run} uses, answering as an Oozie 5 server does: the
 * protocol versions at {@code GET /oozie/versions}, a job id ({@code 201 {"id": ...}}) for
 * {@code POST /oozie/v2/jobs?action=start&user=...}, and 200 to the {@code OPTIONS} probes of hadoop-auth's
 * authenticator (an unsecured server). Records every request.
 */
final class OozieStub implements AutoCloseable {
  static final String BUNDLE_ID = "0000042-261121000000000-oozie-oozi-B";

  /** One request as the server saw it. */
  record Request(String method, String uri, String contentType, byte[] body) {
    /** The posted Hadoop configuration XML, as name to value. */
    Map<String, String> configuration() throws Exception {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(body));
      Map<String, String> conf = new LinkedHashMap<>();
      NodeList properties = doc.getDocumentElement().getElementsByTagName("property");
      for (int i = 0; i < properties.getLength(); i++) {
        Element property = (Element) properties.item(i);
        conf.put(property.getElementsByTagName("name").item(0).getTextContent(),
            property.getElementsByTagName("value").item(0).getTextContent());
      }
      return conf;
    }
  }

  private final HttpServer server;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile String refusal;

  OozieStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oozie/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/oozie";
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** From now on, refuse submissions with this Oozie error code, as a server does a bad bundle. */
  void refuseWith(String errorCode) {
    refusal = errorCode;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String method = exchange.getRequestMethod();
    String uri = exchange.getRequestURI().toString();
    requests.add(new Request(method, uri, exchange.getRequestHeaders().getFirst("Content-Type"), body));
    String path = exchange.getRequestURI().getPath();
    if (method.equals("OPTIONS")) {
      respond(exchange, 200, "");
    } else if (method.equals("GET") && path.equals("/oozie/versions")) {
      respond(exchange, 200, "[0,1,2]");
    } else if (method.equals("POST") && path.equals("/oozie/v2/jobs")
        && List.of(exchange.getRequestURI().getQuery().split("&")).contains("action=start")) {
      if (refusal != null) {
        exchange.getResponseHeaders().add("oozie-error-code", refusal);
        exchange.getResponseHeaders().add("oozie-error-message", "bundle app definition invalid");
        respond(exchange, 400, "");
      } else {
        respond(exchange, 201, "{\"id\":\"" + BUNDLE_ID + "\"}");
      }
    } else {
      respond(exchange, 404, "");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
