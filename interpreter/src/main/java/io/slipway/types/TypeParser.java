package io.slipway.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the type notation used in standard-library declarations ({@code "List<T>"},
 * {@code "(T) -> R"}, {@code "StageScope.() -> Unit"}, {@code "String?"}). Names listed in
 * {@code typeParams} become {@link Type.TypeVar}s. Declarations are written by us, so a malformed
 * string is a programming error and throws.
 */
public final class TypeParser {
  private final String s;
  private final Set<String> typeParams;
  private int pos;

  private TypeParser(String s, Set<String> typeParams) {
    this.s = s;
    this.typeParams = typeParams;
  }

  public static Type parse(String text, Set<String> typeParams) {
    var p = new TypeParser(text, typeParams);
    Type t = p.type();
    p.skipWs();
    if (p.pos != text.length()) {
      throw new IllegalArgumentException("bad type '" + text + "' at " + p.pos);
    }
    return t;
  }

  public static Type parse(String text) {
    return parse(text, Set.of());
  }

  private Type type() {
    Type first = single();
    skipWs();
    if (!peek('|')) {
      return first;
    }
    List<Type> members = new ArrayList<>(List.of(first));
    while (eat('|')) {
      members.add(single());
      skipWs();
    }
    return new Type.UnionType(members);
  }

  private Type single() {
    skipWs();
    Type t;
    if (peek('(')) {
      t = function(null);
    } else {
      String name = ident();
      List<Type> args = new ArrayList<>();
      skipWs();
      if (peek('<')) {
        pos++;
        do {
          args.add(type());
          skipWs();
        } while (eat(','));
        expect('>');
      }
      t = typeParams.contains(name) ? new Type.TypeVar(name) : new Type.ClassType(name, args);
      skipWs();
      if (peek('.') && pos + 1 < s.length() && s.charAt(pos + 1) == '(') {
        pos++;
        t = function(t);
      }
    }
    skipWs();
    while (eat('?')) {
      t = Types.nullable(t);
    }
    return t;
  }

  private Type function(Type receiver) {
    expect('(');
    List<Type> params = new ArrayList<>();
    skipWs();
    if (!peek(')')) {
      do {
        params.add(type());
        skipWs();
      } while (eat(','));
    }
    expect(')');
    skipWs();
    if (!s.startsWith("->", pos)) {
      // a parenthesised type such as (() -> Unit)?
      if (receiver == null && params.size() == 1) {
        return params.get(0);
      }
      throw new IllegalArgumentException("expected -> in '" + s + "'");
    }
    pos += 2;
    return new Type.FnType(receiver, params, type());
  }

  private String ident() {
    skipWs();
    int start = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
        || s.charAt(pos) == '.' && pos + 1 < s.length() && Character.isLetter(s.charAt(pos + 1)))) {
      pos++; // a '.' before a letter qualifies (`Map.Entry`); before '(' it starts `T.() -> R`
    }
    if (start == pos) {
      throw new IllegalArgumentException("expected a type name in '" + s + "' at " + pos);
    }
    return s.substring(start, pos);
  }

  private void skipWs() {
    while (pos < s.length() && s.charAt(pos) == ' ') {
      pos++;
    }
  }

  private boolean peek(char c) {
    return pos < s.length() && s.charAt(pos) == c;
  }

  private boolean eat(char c) {
    skipWs();
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!eat(c)) {
      throw new IllegalArgumentException("expected '" + c + "' in '" + s + "' at " + pos);
    }
  }
}
