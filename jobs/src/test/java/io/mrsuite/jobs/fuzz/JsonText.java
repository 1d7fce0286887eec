package io.mrsuite.jobs.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes JSON string literals the way different producers do: the same text with more or fewer escapes
 * ({@code \u00e9} or the raw UTF-8 bytes, {@code \/} or {@code /}). Whichever way, a reader must give back the
 * same text.
 */
final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SplittableRandom random;

  JsonText(SplittableRandom random) {
    this.random = random;
  }

  byte[] literal(String text) {
    boolean escapeNonAscii = random.nextInt(4) == 0;
    boolean escapeSlash = random.nextInt(4) == 0;
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          json.append("\\\"");
          break;
        case '\\':
          json.append("\\\\");
          break;
        case '\n':
          json.append("\\n");
          break;
        case '\r':
          json.append("\\r");
          break;
        case '\t':
          json.append("\\t");
          break;
        case '/':
          json.append(escapeSlash ? "\\/" : "/");
          break;
        default:
          if (c < 0x20 || (c >= 0x80 && escapeNonAscii)) {
            json.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            json.append(c);
          }
      }
    }
    return json.append('"').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A literal with no escapes at all, for ids: bytes can be planted anywhere inside its quotes. */
  static byte[] plainLiteral(String asciiText) {
    return ('"' + asciiText + '"').getBytes(StandardCharsets.US_ASCII);
  }
}
