package io.mrsuite.formats.csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic orders-like CSV: the orders header, ~5% multi-line quoted notes (doubled quotes, commas,
 * CRLF inside), other quoted notes with commas and doubled quotes, ~10% CRLF terminators, and ~1% malformed
 * rows (a quote inside an unquoted field, text after the closing quote of a one-line or a multi-line note,
 * too few or too many fields).
 */
final class OrdersCsvGenerator {
  static final String HEADER =
      "order_id,user_id,order_time,status,currency,subtotal,shipping,tax,total,shipping_country,notes";
  private static final String[] STATUSES = {"placed", "paid", "shipped", "delivered", "cancelled", "refunded"};
  private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY"};
  private static final String[] COUNTRIES = {"US", "DE", "FR", "GB", "JP", ""};
  private static final String[] WORDS = {"leave", "at", "door", "ring", "twice", "gift", "wrap", "please",
      "fragile", "call", "before", "delivery", "back", "entrance", "neighbour", "code", "1234", "thanks"};

  private final SplittableRandom random;

  OrdersCsvGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** At least {@code bytes} bytes of CSV: the header, then whole rows. */
  byte[] generate(int bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 4096);
    StringBuilder row = new StringBuilder(256);
    append(out, HEADER + "\n");
    for (long n = 1; out.size() < bytes; n++) {
      row.setLength(0);
      appendRow(row, n);
      append(out, row);
    }
    return out.toByteArray();
  }

  private static void append(ByteArrayOutputStream out, CharSequence text) {
    byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
  }

  private String words(int min, int max) {
    StringBuilder text = new StringBuilder();
    int count = min + random.nextInt(max - min + 1);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(random.nextInt(8) == 0 ? ", " : " ");
      }
      text.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }

  private String quotedNote(boolean multiLine) {
    StringBuilder note = new StringBuilder("\"");
    int lines = multiLine ? 2 + random.nextInt(3) : 1;
    for (int l = 0; l < lines; l++) {
      if (l > 0) {
        note.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
      }
      note.append(words(1, 6));
      if (random.nextInt(3) == 0) {
        note.append(" \"\"").append(words(1, 2)).append("\"\"");
      }
      if (random.nextInt(3) == 0) {
        note.append(", ").append(words(1, 3));
      }
    }
    return note.append('"').toString();
  }

  private void appendRow(StringBuilder row, long n) {
    int cents = 100 + random.nextInt(100_000);
    int shipping = random.nextInt(2000);
    int tax = random.nextInt(5000);
    row.append('o').append(n).append(",u").append(random.nextInt(50_000)).append(",2026-11-")
        .append(10 + random.nextInt(20)).append('T').append(10 + random.nextInt(14)).append(":0")
        .append(random.nextInt(10)).append(":1").append(random.nextInt(10)).append('Z').append(',')
        .append(STATUSES[random.nextInt(STATUSES.length)]).append(',')
        .append(CURRENCIES[random.nextInt(CURRENCIES.length)]).append(',')
        .append(amount(cents)).append(',').append(amount(shipping)).append(',').append(amount(tax)).append(',')
        .append(amount(cents + shipping + tax)).append(',')
        .append(COUNTRIES[random.nextInt(COUNTRIES.length)]).append(',');
    int kind = random.nextInt(1000);
    if (kind < 600) {
      // no notes
    } else if (kind < 800) {
      row.append(words(1, 5).replace(",", ""));
    } else if (kind < 940) {
      row.append(quotedNote(false));
    } else if (kind < 990) {
      row.append(quotedNote(true));
    } else {
      malformed(row);
    }
    row.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
  }

  private void malformed(StringBuilder row) {
    switch (random.nextInt(5)) {
      case 0 -> row.append("bad\"quote ").append(words(1, 3).replace(",", ""));
      case 1 -> row.append(quotedNote(false)).append("tail");
      case 2 -> row.setLength(row.length() - 1); // 10 fields
      case 3 -> row.append(words(1, 2).replace(",", "")).append(",extra");
      default -> row.append(quotedNote(true)).append(" tail");
    }
  }

  private static String amount(int cents) {
    return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
  }
}
