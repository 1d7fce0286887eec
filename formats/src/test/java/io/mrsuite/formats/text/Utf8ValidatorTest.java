package io.mrsuite.formats.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The validator against the JDK's strict UTF-8 decoder, sequence by sequence. */
class Utf8ValidatorTest {
  private final CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final CharBuffer out = CharBuffer.allocate(8);
  private final Utf8Validator validator = new Utf8Validator();

  private boolean jdkAccepts(byte[] bytes, int length) {
    jdk.reset();
    out.clear();
    CoderResult result = jdk.decode(ByteBuffer.wrap(bytes, 0, length), out, true);
    return !result.isError() && !jdk.flush(out).isError();
  }

  private boolean validatorAccepts(byte[] bytes, int length) {
    validator.reset();
    for (int i = 0; i < length; i++) {
      if (!validator.accept(bytes[i])) {
        return false;
      }
    }
    return validator.atBoundary();
  }

  private void compare(byte[] bytes, int length) {
    boolean expected = jdkAccepts(bytes, length);
    if (expected != validatorAccepts(bytes, length)) {
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < length; i++) {
        hex.append(String.format("%02X ", bytes[i]));
      }
      throw new AssertionError("JDK says " + (expected ? "valid" : "invalid") + ": " + hex);
    }
  }

  @Test
  void everyOneAndTwoByteSequenceAgreesWithTheJdk() {
    byte[] bytes = new byte[2];
    for (int a = 0; a < 256; a++) {
      bytes[0] = (byte) a;
      compare(bytes, 1);
      for (int b = 0; b < 256; b++) {
        bytes[1] = (byte) b;
        compare(bytes, 2);
      }
    }
  }

  @Test
  void everyThreeByteSequenceWithAMultiByteLeadAgreesWithTheJdk() {
    byte[] bytes = new byte[3];
    for (int a = 0xC0; a < 256; a++) {
      bytes[0] = (byte) a;
      for (int b = 0; b < 256; b++) {
        bytes[1] = (byte) b;
        for (int c = 0; c < 256; c++) {
          bytes[2] = (byte) c;
          compare(bytes, 3);
        }
      }
    }
  }

  @Test
  void fourByteSequencesAgreeWithTheJdk() {
    int[] tails = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF};
    byte[] bytes = new byte[4];
    for (int a = 0xE0; a < 256; a++) {
      bytes[0] = (byte) a;
      for (int b = 0; b < 256; b++) {
        bytes[1] = (byte) b;
        for (int c : tails) {
          bytes[2] = (byte) c;
          for (int d : tails) {
            bytes[3] = (byte) d;
            compare(bytes, 4);
          }
        }
      }
    }
  }

  @Test
  void boundariesOfTable3To7() {
    assertTrue(validatorAccepts(new byte[] {(byte) 0xC2, (byte) 0x80}, 2));
    assertFalse(validatorAccepts(new byte[] {(byte) 0xC1, (byte) 0xBF}, 2));
    assertTrue(validatorAccepts(new byte[] {(byte) 0xE0, (byte) 0xA0, (byte) 0x80}, 3));
    assertFalse(validatorAccepts(new byte[] {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF}, 3));
    assertTrue(validatorAccepts(new byte[] {(byte) 0xED, (byte) 0x9F, (byte) 0xBF}, 3));
    assertFalse(validatorAccepts(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 3));
    assertTrue(validatorAccepts(new byte[] {(byte) 0xF0, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 4));
    assertFalse(validatorAccepts(new byte[] {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, 4));
    assertTrue(validatorAccepts(new byte[] {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, 4));
    assertFalse(validatorAccepts(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 4));
    assertFalse(validatorAccepts(new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, 4));
  }

  @Test
  void resetForgetsAPendingSequence() {
    validator.reset();
    assertTrue(validator.accept((byte) 0xE2));
    assertFalse(validator.atBoundary());
    validator.reset();
    assertTrue(validator.atBoundary());
    assertTrue(validator.accept((byte) 'a'));
    assertEquals(true, validator.atBoundary());
  }
}
