// Slipway lexer. Kotlin's lexical structure (spec §2).
//
// Newlines. NL is a real token: newlines end statements. Inside `(`..`)` and `[`..`]`, and inside
// a template `${`..`}`, newlines are skipped, and they become significant again inside a `{`..`}`
// nested there (a lambda body inside call parentheses holds statements). This is what an
// "Inside" lexer mode does in Pkl and Kotlin; we keep one bracket stack in the lexer instead of a
// second mode because a mode would have to repeat every one of the ~70 code rules below. String
// literals do use real modes (LineString, MultiLineString); `${` pushes DEFAULT_MODE and the
// matching `}` pops back into the string.
//
// Comments. `/* */` nest; the body is consumed by Java code (not a recursive lexer rule) so that a
// million nested `/*` cannot overflow the stack. `/** */` is KDoc and goes to the DOCS channel,
// where the AST builder looks for the doc of the following declaration. An unterminated comment
// becomes UNTERMINATED_COMMENT on the HIDDEN channel; the parse facade reports it.
//
// Numbers. `1.5` needs a digit after the dot, so `30.seconds` is Int `.` name and `1..3` is Int
// `..` Int. `BAD_NUMBER` (`100L`, `2mb`, `0x1F`) is a single token so that the builder can say
// "invalid number literal" once instead of the parser reporting a confusing juxtaposition.

lexer grammar SlipLexer;

channels { DOCS }

// Soft keywords: IDENT becomes one of these in its action (softKeyword()) where it starts a
// declaration. An action, not a predicate, keeps every identifier on the cached DFA path.
tokens {
  UNTERMINATED_COMMENT, DOC_COMMENT, IMPORT, PARAM, DATA, ENUM, INTERFACE, OBJECT, TYPEALIAS,
  CONST, MODIFIER
}

@members {
  /** One entry per open bracket: '(' '[' '{' or '$' for a string template `${`. */
  private final java.util.ArrayDeque<Character> brackets = new java.util.ArrayDeque<>();

  /** Start offsets (code points) of the "..." strings still open, innermost last. */
  private final java.util.ArrayDeque<Integer> openStrings = new java.util.ArrayDeque<>();
  private final java.util.List<Integer> unterminatedStrings = new java.util.ArrayList<>();

  /**
   * Start offsets (code points) of "..." strings that a newline or the end of input cut off.
   * A string still open at the end only because a `${` inside it is open is not among them
   * (see {@link #stringsAwaitingTemplateClose}).
   */
  public java.util.List<Integer> unterminatedStrings() {
    var all = new java.util.ArrayList<>(unterminatedStrings);
    if (_mode == LineString || _mode == DollarLineString) {
      all.add(openStrings.peek()); // the end of input cut the innermost one's text
    }
    return all;
  }

  /**
   * Whether "..." strings are open at the end of input only because a `${` inside them is
   * still open: more input (the rest of the expression, `}`, `"`) can complete them, so the
   * parse reports the missing `}` as incomplete input rather than a cut-off string.
   */
  public boolean stringsAwaitingTemplateClose() {
    int cut = (_mode == LineString || _mode == DollarLineString) ? 1 : 0;
    return openStrings.size() > cut;
  }

  @Override
  public void reset() {
    super.reset();
    brackets.clear();
    openStrings.clear();
    unterminatedStrings.clear();
  }

  private void open(char c) {
    brackets.push(c);
  }

  /** Pops the innermost bracket if it is {@code c}; a stray closer leaves the stack alone. */
  private void closeIf(char c) {
    if (!brackets.isEmpty() && brackets.peek() == c) {
      brackets.pop();
    }
  }

  /** `}` closes the innermost `{` or `${`, dropping unclosed `(`/`[` inside it. */
  private void closeBrace() {
    while (!brackets.isEmpty()) {
      char c = brackets.pop();
      if (c == '$') {
        popMode();
        return;
      }
      if (c == '{') {
        return;
      }
    }
  }

  private boolean newlinesHidden() {
    Character top = brackets.peek();
    return top != null && top != '{';
  }

  /**
   * Soft keywords: `data`, `param`, `import`, `enum`, `object`, `typealias`, `const`,
   * `interface` and Kotlin's modifiers are keywords only where they start a declaration
   * (judged on the characters after the word), identifiers everywhere else
   * (`val data = ...`, `f(param = 1)`), so the parser still decides every statement on its first
   * token. Called for every identifier: cheap unless the word is one of them.
   */
  private void softKeyword() {
    int length = getCharIndex() - _tokenStartCharIndex;
    if (length < 4 || length > 10) {
      return;
    }
    String word = getText();
    int type = switch (word) {
      case "import" -> follows("\"") || follows("a") ? IMPORT : IDENT;
      case "param" -> follows(":=\r\n/;") ? PARAM : IDENT;
      case "data" -> followsWord("class") ? DATA : IDENT;
      case "enum" -> followsWord("class") ? ENUM : IDENT;
      case "interface" -> follows("{\r\n<:(") ? INTERFACE : IDENT;
      case "object" -> follows("{") ? OBJECT : IDENT;
      case "typealias" -> follows("=<") ? TYPEALIAS : IDENT;
      case "const" -> followsWord("val") ? CONST : IDENT;
      default -> MODIFIERS.contains(word) && modifierFollows() ? MODIFIER : IDENT;
    };
    setType(type);
  }

  private static final java.util.Set<String> MODIFIERS = java.util.Set.of(
      "sealed", "open", "abstract", "private", "public", "internal", "protected", "override",
      "inline", "suspend", "lateinit", "operator", "infix", "tailrec", "inner", "annotation",
      "companion", "external", "final", "value");

  /** After blanks: the word {@code w}, not followed by an identifier character. */
  private boolean followsWord(String w) {
    int i = blanks();
    if (i == 1) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (_input.LA(i + k) != w.charAt(k)) {
        return false;
      }
    }
    int after = _input.LA(i + w.length());
    return after == IntStream.EOF || !(Character.isLetterOrDigit(after) || after == '_');
  }

  /**
   * After blanks, either one of {@code chars} (`"` for a string; "a" for any letter), or a name
   * and then (after blanks) one of {@code chars} (a newline also matches the end of input).
   */
  private boolean follows(String chars) {
    int i = blanks();
    if (i == 1) {
      return false;
    }
    int c = _input.LA(i);
    if (chars.equals("\"")) {
      return c == '"';
    }
    if (chars.equals("a")) {
      return Character.isLetter(c);
    }
    if (!Character.isLetter(c) && c != '_') {
      return false;
    }
    while (Character.isLetterOrDigit(_input.LA(i)) || _input.LA(i) == '_') {
      i++;
    }
    while (_input.LA(i) == ' ' || _input.LA(i) == '\t') {
      i++;
    }
    c = _input.LA(i);
    return c == IntStream.EOF ? chars.indexOf('\n') >= 0 : chars.indexOf(c) >= 0;
  }

  /** The lookahead index of the first non-blank character after the token (1 if none). */
  private int blanks() {
    int i = 1;
    while (_input.LA(i) == ' ' || _input.LA(i) == '\t') {
      i++;
    }
    return i;
  }

  private static final java.util.Set<String> DECLARATION_WORDS = java.util.Set.of(
      "sealed", "open", "abstract", "private", "public", "internal", "protected", "override",
      "inline", "suspend", "lateinit", "operator", "infix", "tailrec", "inner", "annotation",
      "companion", "external", "final", "value", "class", "fun", "val", "var", "interface",
      "object", "data", "enum");

  /**
   * A Kotlin modifier Slipway lacks (`sealed`, `private`, `inline`, ...) is a token only when a
   * declaration word follows it (`sealed class`, `private fun`), so it can be reported as such.
   */
  private boolean modifierFollows() {
    int i = 1;
    while (_input.LA(i) == ' ' || _input.LA(i) == '\t') {
      i++;
    }
    if (i == 1) {
      return false;
    }
    var word = new StringBuilder();
    while (Character.isLetter(_input.LA(i))) {
      word.append((char) _input.LA(i));
      i++;
    }
    return DECLARATION_WORDS.contains(word.toString());
  }

  private boolean identPartFollows() {
    int c = _input.LA(1);
    return c != IntStream.EOF && (Character.isLetterOrDigit(c) || c == '_');
  }

  /** Consumes the rest of a nestable block comment whose opening `/*` was just matched. */
  private void blockComment() {
    boolean doc = _input.LA(1) == '*' && _input.LA(2) != '/';
    int depth = 1;
    while (depth > 0) {
      int c = _input.LA(1);
      if (c == IntStream.EOF) {
        setType(UNTERMINATED_COMMENT);
        setChannel(HIDDEN);
        return;
      }
      if (c == '*' && _input.LA(2) == '/') {
        getInterpreter().consume(_input);
        depth--;
      } else if (c == '/' && _input.LA(2) == '*') {
        getInterpreter().consume(_input);
        depth++;
      }
      getInterpreter().consume(_input);
    }
    if (doc) {
      setType(DOC_COMMENT);
      setChannel(DOCS);
    } else {
      skip();
    }
  }
}

// ---------------------------------------------------------------- whitespace and comments

WS: [ \t\f\u00A0\uFEFF]+ -> skip;

NL: ('\r'? '\n' | '\r') { if (newlinesHidden()) skip(); };

LINE_COMMENT: '//' ~[\r\n]* -> skip;

// `/**/` is an empty plain comment, `/** x */` is KDoc (DOC_COMMENT on the DOCS channel).
BLOCK_COMMENT: '/*' { blockComment(); };

// ---------------------------------------------------------------- keywords (spec §2)

VAL: 'val';
VAR: 'var';
FUN: 'fun';
CLASS: 'class';
RETURN: 'return';
IF: 'if';
ELSE: 'else';
WHEN: 'when';
FOR: 'for';
IN: 'in';
WHILE: 'while';
DO: 'do';
BREAK: 'break';
CONTINUE: 'continue';
TRY: 'try';
CATCH: 'catch';
FINALLY: 'finally';
THROW: 'throw';
NULL: 'null';
TRUE: 'true';
FALSE: 'false';
IS: 'is';
AS_SAFE: 'as?';
AS: 'as';
NOT_IN: '!in' { !identPartFollows() }?;
NOT_IS: '!is' { !identPartFollows() }?;

// ---------------------------------------------------------------- brackets

LPAREN: '(' { open('('); };
RPAREN: ')' { closeIf('('); };
LSQUARE: '[' { open('['); };
RSQUARE: ']' { closeIf('['); };
LCURL: '{' { open('{'); };
RCURL: '}' { closeBrace(); };

// ---------------------------------------------------------------- operators and punctuation

RANGE: '..';
DOT: '.';
COMMA: ',';
SEMI: ';';
COLONCOLON: '::';
COLON: ':';
ARROW: '->';
ADD_ASSIGN: '+=';
SUB_ASSIGN: '-=';
MULT_ASSIGN: '*=';
DIV_ASSIGN: '/=';
MOD_ASSIGN: '%=';
INCR: '++';
DECR: '--';
ADD: '+';
SUB: '-';
MULT: '*';
DIV: '/';
MOD: '%';
CONJ: '&&';
DISJ: '||';
EXCL_EQ: '!=';
EXCL_EXCL: '!!';
EXCL: '!';
SAFE_CALL: '?.';
ELVIS: '?:';
QUEST: '?';
EQEQ: '==';
LE: '<=';
GE: '>=';
LANGLE: '<';
RANGLE: '>';
ASSIGN: '=';

// ---------------------------------------------------------------- literals and names

DOUBLE_LIT: DecDigits '.' DecDigits Exponent? | DecDigits Exponent;
INT_LIT: DecDigits;
BAD_NUMBER: [0-9] [0-9a-zA-Z_]*;

// Labels (Kotlin's): `outer@ for`, `lit@{ }` define one; `break@outer`, `continue@outer`,
// `return@forEach` jump to one (no space before `@`, as in Kotlin).
RETURN_AT: 'return@' Identifier;
BREAK_AT: 'break@' Identifier;
CONTINUE_AT: 'continue@' Identifier;
LABEL: Identifier '@';

IDENT: Identifier { softKeyword(); };

// `'x'`, `'\n'`, `'\u00e9'`: one character (the builder decodes the escape and rejects a code point
// that is not one UTF-16 unit). Anything else between single quotes (`'books'`, `''`, a `'` with
// no closing quote on its line) is one BAD_CHAR_LIT, so the builder reports it once, in words.
CHAR_LIT: '\'' (~['\\\r\n] | '\\' ('u' HexDigit HexDigit HexDigit HexDigit | ~[\r\n])) '\'';
BAD_CHAR_LIT: '\'' ~['\r\n]* '\''?;

QUOTE_OPEN: '"' { openStrings.push(_tokenStartCharIndex); pushMode(LineString); };
TRIPLE_QUOTE_OPEN: '"""' -> pushMode(MultiLineString);
// Kotlin 2's multi-dollar strings for shell code: inside them only `$$name` and `$${expr}`
// interpolate; a lone `$` (`$f`, `${HOME}`) is text.
DOLLAR_TRIPLE_QUOTE_OPEN: '$$"""' -> pushMode(DollarMultiLineString);
DOLLAR_QUOTE_OPEN: '$$"' { openStrings.push(_tokenStartCharIndex); pushMode(DollarLineString); };

fragment DecDigits: [0-9] [0-9_]*;
fragment Exponent: [eE] [+-]? DecDigits;
fragment Identifier: [\p{L}_] [\p{L}\p{Nd}_]*;
fragment HexDigit: [0-9a-fA-F];

// Anything else: the facade reports it as an invalid character; the parser never sees it.
ERROR_CHAR: . -> channel(HIDDEN);

// ---------------------------------------------------------------- "..." strings

mode LineString;

QUOTE_CLOSE: '"' { openStrings.poll(); popMode(); };
LINE_STR_REF: '$' Identifier;
LINE_STR_TEXT: ~[\\"$\r\n]+ | '$';
// Every backslash sequence is one token; the builder decodes it and reports a bad one (E0107).
LINE_STR_ESCAPE: '\\' ('u' HexDigit HexDigit HexDigit HexDigit | ~[\r\n])?;
LINE_STR_EXPR_START: '${' { open('$'); pushMode(DEFAULT_MODE); };
// A newline ends an unterminated string: the lexer records it for the parse facade (E0101) and
// the newline still ends the statement.
LINE_STR_NL: ('\r'? '\n' | '\r') {
  unterminatedStrings.add(openStrings.pop());
  popMode();
  setType(NL);
  if (newlinesHidden()) skip();
};

// ---------------------------------------------------------------- """raw""" strings

mode MultiLineString;

// `""""` ends the string with one quote of content: the close is the last three quotes.
TRIPLE_QUOTE_CLOSE: '"'* '"""' -> popMode;
MULTI_STR_QUOTE: '"'+;
MULTI_STR_REF: '$' Identifier;
MULTI_STR_TEXT: ~["$]+ | '$';
MULTI_STR_EXPR_START: '${' { open('$'); pushMode(DEFAULT_MODE); };

// ---------------------------------------------------------------- $$"..." and $$"""...""" strings
// The same tokens as the one-dollar modes (the builder treats them alike) except the references:
// DOLLAR_STR_REF is `$$name`; `$$` alone, `$name` and `${` are text.

mode DollarLineString;

DL_QUOTE_CLOSE: '"' { openStrings.poll(); popMode(); setType(QUOTE_CLOSE); };
DOLLAR_STR_REF: '$$' Identifier;
DL_TEXT: (~[\\"$\r\n]+ | '$') -> type(LINE_STR_TEXT);
DL_ESCAPE: '\\' ('u' HexDigit HexDigit HexDigit HexDigit | ~[\r\n])? -> type(LINE_STR_ESCAPE);
DL_EXPR_START: '$${' { open('$'); pushMode(DEFAULT_MODE); setType(LINE_STR_EXPR_START); };
DL_NL: ('\r'? '\n' | '\r') {
  unterminatedStrings.add(openStrings.pop());
  popMode();
  setType(NL);
  if (newlinesHidden()) skip();
};

mode DollarMultiLineString;

DM_TRIPLE_QUOTE_CLOSE: '"'* '"""' -> popMode, type(TRIPLE_QUOTE_CLOSE);
DM_QUOTE: '"'+ -> type(MULTI_STR_QUOTE);
DM_REF: '$$' Identifier -> type(DOLLAR_STR_REF);
DM_TEXT: (~["$]+ | '$') -> type(MULTI_STR_TEXT);
DM_EXPR_START: '$${' { open('$'); pushMode(DEFAULT_MODE); setType(MULTI_STR_EXPR_START); };
