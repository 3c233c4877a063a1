package io.slipway.cli.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text of the event stream and the HTML report's data, written by Jackson. Values are maps,
 * lists, strings, numbers, booleans and null; anything else is written as its {@code toString()}
 * (durations, enums), so the shapes the views document never depend on a Java class's getters.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    MAPPER.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
    MAPPER.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  private Json() {}

  /** One line of compact JSON. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(plain(value));
    } catch (JsonProcessingException e) {
      // plain values only: Jackson cannot fail on them short of a bug
      throw new UncheckedIOException(e);
    }
  }

  /** Appends {@code value}'s JSON text to {@code sb}. */
  static void write(StringBuilder sb, Object value) {
    sb.append(write(value));
  }

  /** {@code s} as a JSON string literal. */
  static void string(StringBuilder sb, String s) {
    sb.append(write(s));
  }

  private static Object plain(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Number n -> n;
      case Boolean b -> b;
      case Map<?, ?> m -> {
        var out = new LinkedHashMap<String, Object>();
        m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
        yield out;
      }
      case List<?> l -> {
        var out = new ArrayList<Object>(l.size());
        l.forEach(v -> out.add(plain(v)));
        yield out;
      }
      default -> value.toString();
    };
  }

  /**
   * Jackson's standard escapes, plus {@code <} (JSON embedded in an HTML {@code <script>} can
   * never close it) and U+2028/U+2029 (line breaks to a JavaScript parser).
   */
  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private static final SerializableString LS = new SerializedString("\\u2028");
    private static final SerializableString PS = new SerializedString("\\u2029");
    private final int[] ascii;

    ScriptSafeEscapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x2028 ? LS : ch == 0x2029 ? PS : null;
    }
  }
}
