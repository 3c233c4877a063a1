// Slipway parser. Kotlin's syntax for the subset of spec §2–§10.
//
// NEWLINES (Kotlin style). NL is a token in statement context and absent inside `(`..`)`,
// `[`..`]` and `${`..`}` (the lexer skips it there). Rules therefore say where a newline may
// appear with explicit `NL*`:
//   - statements are separated by `semis` (one or more NL or `;`); two statements on one line
//     need a `;`.
//   - after every binary operator (`a +` NL `b` continues), after `=`, `->`, `,`.
//   - BEFORE `.`, `?.`, `?:`, `&&`, `||` and `as`: a line starting with one of them continues the
//     previous expression (Kotlin's rule). A line starting with `+`, `-`, `(`, `[`, `{` does NOT:
//     `-x` on its own line is a new statement, so is `(a)`.
//   - `else` may follow the `if` body on the next line; `catch`/`finally` likewise.
//   - a trailing lambda must start on the call's line (`f(a) {`), because the NL before `{`
//     ends the statement.
//
// PRECEDENCE (Kotlin's, highest first): postfix (`.` `?.` call index `!!`) > prefix (`-` `+` `!`)
// > `as`/`as?` > multiplicative > additive > `..` > infix name (incl. `to`) > `?:` >
// `in !in is !is` > comparison > equality > `&&` > `||`. `expression` is one left-recursive rule
// whose alternatives are listed in that order; all binary operators are left-associative.
// `in` and `is` are two alternatives next to each other, which is equivalent to Kotlin's single
// level: a chain of them applies left to right either way. Postfix suffixes are a flat list
// (`postfixUnaryExpression`) so that `a.b.c...` builds without recursion.
//
// LOOKAHEAD. SLL prediction must decide every choice within a few tokens, or parsing turns
// quadratic in nesting (a trailing lambda decided only after scanning its whole body). Hence:
//   - an `if`/`when`/`for`/`while`/`do` body is a statement (not a declaration); a braced body is
//     parsed as a lambda literal without arrow and the builder turns it into a block, so there is
//     no block-vs-lambda choice;
//   - `if`/`when`/`try` and jumps (`controlExpression`) take no postfix suffixes, and `when`
//     entries are separated like statements, so no `{` can follow an expression except as a
//     trailing lambda;
//   - `f(a) {}` is a call suffix then a trailing-lambda suffix (the builder joins them).
// PredictionModeTest checks that SLL and full LL build the same AST on every valid input.
//
// JUMPS. `return`, `throw`, `break`, `continue` are expressions so that `x ?: return` and
// `if (c) return` parse; the builder makes them statements where they stand alone.
//
// ERRORS. Declaration and member names accept keywords (`declName`, `keyword`) so the builder
// can say "`val` is a keyword and cannot be used as a name" instead of a generic syntax error.
// An unterminated "..." is reported from the lexer; an unterminated """...""" leaves its
// closing quotes optional here and the builder reports it.
//
// SOFT KEYWORDS. `enum`, `object`, `typealias`, `const` are tokens only where they start a
// declaration (the lexer looks at what follows), so every statement is still decided on its first
// token; `vararg` and `get` are identifiers checked by the builder or a predicate.

parser grammar SlipParser;

options { tokenVocab = SlipLexer; }

@members {
  /** A getter follows (`get()` after optional newlines): the property has no initializer. */
  private boolean getterFollows() {
    int i = 1;
    while (_input.LT(i).getType() == NL) {
      i++;
    }
    return _input.LT(i).getType() == IDENT && _input.LT(i).getText().equals("get")
        && _input.LT(i + 1).getType() == LPAREN;
  }
}

// ---------------------------------------------------------------- files and statements

program: statements EOF;

statements: semis? (statement (semis statement)* semis?)?;

semis: (SEMI | NL)+;

statement
  : importDecl
  | paramDecl
  | funDecl
  | dataClassDecl
  | modifiedDecl
  | unsupportedClassDecl
  | enumClassDecl
  | objectDecl
  | typeAliasDecl
  | propertyDecl
  | destructuringDecl
  | forStatement
  | whileStatement
  | doWhileStatement
  | labeledLoop
  | prefixIncrement
  | expressionStatement
  ;

labeledLoop: LABEL NL* (forStatement | whileStatement | doWhileStatement);

importDecl: IMPORT NL* stringLiteral;

paramDecl: PARAM NL* declName (NL* COLON NL* type)? (NL* ASSIGN NL* expression)?;

// `const val`, extension properties (`val String.slug: String get() = ...`), getters.
propertyDecl
  : modifier=CONST? (VAL | VAR) NL* (receiverType NL* DOT NL*)? declName
    (NL* COLON NL* type)? (NL* ASSIGN NL* expression | {getterFollows()}? NL* getter)?
  ;

getter: IDENT NL* LPAREN RPAREN (NL* COLON NL* type)? NL* functionBody;

destructuringDecl: (VAL | VAR) NL* LPAREN declName (COMMA declName)* COMMA? RPAREN NL* ASSIGN NL* expression;

// `fun <T : Any> String.name(...)`: type parameters, then an extension receiver.
funDecl
  : FUN NL* typeParameters? NL* (receiverType NL* DOT NL*)? declName NL* functionValueParameters
    (NL* COLON NL* type)? (NL* functionBody)?
  ;

typeParameters: LANGLE NL* typeParameter (NL* COMMA NL* typeParameter)* NL* RANGLE;

typeParameter: IDENT (NL* COLON NL* type)?;

functionValueParameters: LPAREN (functionValueParameter (COMMA functionValueParameter)* COMMA?)? RPAREN;

// `modifier` is the soft keyword `vararg` (the builder rejects any other word there).
functionValueParameter: modifier=IDENT? declName (COLON type)? (ASSIGN expression)?;

functionBody: block | ASSIGN NL* expression;

// Kotlin declarations Slipway lacks, parsed so that they are reported once ("`sealed class` is
// not supported yet") and the rest of the file checks as if the modifier were not there.
modifiedDecl
  : MODIFIER (NL* MODIFIER)* NL*
    (funDecl | propertyDecl | dataClassDecl | enumClassDecl | objectDecl | unsupportedClassDecl)
  ;

unsupportedClassDecl
  : (CLASS | INTERFACE) NL* declName NL*
    (LPAREN (classParameter (COMMA classParameter)* COMMA?)? RPAREN)?
    (NL* COLON NL* supertype (NL* COMMA NL* supertype)*)? classBody?
  ;

supertype: simpleUserType valueArguments?;

// A class body holds member functions and properties; it must start on the declaration's line.
dataClassDecl
  : DATA NL* CLASS NL* declName NL* LPAREN (classParameter (COMMA classParameter)* COMMA?)? RPAREN
    (NL* COLON NL* supertype (NL* COMMA NL* supertype)*)? classBody?
  ;

classBody: LCURL statements RCURL;

// `enum class Env { DEV, PROD }`, with a constructor and members: `enum class Env(val host: String)
// { DEV("dev"), PROD("prod"); fun url() = ... }`.
enumClassDecl
  : ENUM NL* CLASS NL* declName
    (NL* LPAREN (classParameter (COMMA classParameter)* COMMA?)? RPAREN)? NL* enumBody
  ;

enumBody: LCURL NL* (enumEntry (NL* COMMA NL* enumEntry)* (NL* COMMA)?)? NL* (SEMI statements)? RCURL;

enumEntry: IDENT valueArguments?;

objectDecl: OBJECT NL* declName NL* classBody;

typeAliasDecl: TYPEALIAS NL* declName NL* ASSIGN NL* type;

classParameter: (VAL | VAR)? declName (COLON type)? (ASSIGN expression)?;

forStatement: FOR NL* LPAREN forVariables IN expression RPAREN NL* controlStructureBody;

forVariables: declName | LPAREN declName (COMMA declName)* RPAREN;

whileStatement: WHILE NL* LPAREN expression RPAREN NL* controlStructureBody;

doWhileStatement: DO NL* controlStructureBody NL* WHILE NL* LPAREN expression RPAREN;

prefixIncrement: (INCR | DECR) expression;

// `target = value`, `x += 1`, `x++` and plain expression statements.
expressionStatement: expression (assignmentOperator NL* expression | INCR | DECR)?;

assignmentOperator: ASSIGN | ADD_ASSIGN | SUB_ASSIGN | MULT_ASSIGN | DIV_ASSIGN | MOD_ASSIGN;

block: LCURL statements RCURL;

// Declarations are not bodies (`if (c) val x = 1` declares nothing usable); leaving them out
// keeps `val x = ...` free of lookahead over its initializer.
controlStructureBody
  : forStatement
  | whileStatement
  | doWhileStatement
  | prefixIncrement
  | expressionStatement
  ;

// A name being declared. Keywords are accepted here only to be reported clearly (E0106).
declName: IDENT | keyword;

keyword
  : IMPORT | PARAM | VAL | VAR | FUN | DATA | CLASS | RETURN | IF | ELSE | WHEN | FOR | IN
  | WHILE | DO | BREAK | CONTINUE | TRY | CATCH | FINALLY | THROW | NULL | TRUE | FALSE | IS | AS
  ;

// ---------------------------------------------------------------- expressions

expression
  : postfixUnaryExpression                                          # postfixExpr
  | op=(ADD | SUB | EXCL | EXCL_EXCL) NL* expression                # prefixExpr
  | expression NL* op=(AS | AS_SAFE) NL* type                       # asExpr
  | expression op=(MULT | DIV | MOD) NL* expression                 # multiplicativeExpr
  | expression op=(ADD | SUB) NL* expression                        # additiveExpr
  | expression op=RANGE NL* expression                              # rangeExpr
  | expression IDENT NL* expression                                 # infixCallExpr
  | expression NL* op=ELVIS NL* expression                          # elvisExpr
  | expression op=(IN | NOT_IN) NL* expression                      # inExpr
  | expression op=(IS | NOT_IS) NL* type                            # isExpr
  | expression op=(LANGLE | RANGLE | LE | GE) NL* expression        # comparisonExpr
  | expression op=(EQEQ | EXCL_EQ) NL* expression                   # equalityExpr
  | expression NL* op=CONJ NL* expression                           # conjunctionExpr
  | expression NL* op=DISJ NL* expression                           # disjunctionExpr
  ;

// if/when/try and jumps take no suffixes: `if (c) a else b.f()` applies `.f()` to `b` anyway,
// and allowing `if (..) x {}` to mean a trailing lambda on the whole `if` would make every
// trailing lambda in an `if` body ambiguous (lookahead over the whole lambda).
postfixUnaryExpression
  : primaryExpression postfixSuffix*
  | controlExpression
  ;

controlExpression: ifExpression | whenExpression | tryExpression | jumpExpression;

// `f(a) { }` is a call suffix followed by a trailing-lambda suffix; the builder puts the lambda
// into the call. (An optional lambda inside the call suffix would be ambiguous with that.)
// `listOf<String>()`: Kotlin's explicit type arguments. The AST has no place for them, so the
// builder reports them (with the way to write it instead) rather than the parser misreading
// them as comparisons.
postfixSuffix
  : typeArguments valueArguments                                    # typeArgumentCallSuffix
  | valueArguments                                                  # callSuffix
  | LABEL? lambdaLiteral                                            # trailingLambdaSuffix
  | LSQUARE expression RSQUARE                                      # indexSuffix
  | NL* op=(DOT | SAFE_CALL) NL* (IDENT | keyword)                  # memberSuffix
  | EXCL_EXCL                                                       # notNullSuffix
  | COLONCOLON (IDENT | keyword)                                    # callableRefSuffix
  ;

typeArguments: LANGLE type (COMMA type)* RANGLE;

valueArguments: LPAREN (valueArgument (COMMA valueArgument)* COMMA?)? RPAREN;

// `*list` spreads a list into a vararg parameter.
valueArgument: (IDENT ASSIGN)? spread=MULT? expression;

primaryExpression
  : LPAREN expression RPAREN                                        # parenthesizedExpr
  | literal                                                         # literalExpr
  | stringLiteral                                                   # stringExpr
  | COLONCOLON (IDENT | keyword)                                     # callableRefExpr
  | IDENT                                                           # nameExpr
  | LABEL? lambdaLiteral                                            # lambdaExpr
  ;

literal: TRUE | FALSE | NULL | INT_LIT | DOUBLE_LIT | BAD_NUMBER | CHAR_LIT | BAD_CHAR_LIT;

lambdaLiteral
  : LCURL NL* (lambdaParameters NL*)? ARROW statements RCURL        # lambdaWithArrow
  | LCURL statements RCURL                                          # lambdaWithoutArrow
  ;

lambdaParameters: lambdaParameter (NL* COMMA NL* lambdaParameter)* (NL* COMMA)?;

// `{ (k, v) -> ... }` destructures its argument; the builder desugars it to a parameter and a
// `val (k, v) = ...` at the start of the body.
lambdaParameter
  : IDENT (NL* COLON NL* type)?
  | LPAREN NL* IDENT (NL* COMMA NL* IDENT)* NL* RPAREN
  ;

ifExpression
  : IF NL* LPAREN expression RPAREN NL* controlStructureBody (semis? ELSE NL* controlStructureBody)?
  ;

// Entries are separated like statements; without the separator a `{` could follow any expression,
// and every trailing lambda would need lookahead over its whole body.
whenExpression: WHEN NL* (LPAREN expression RPAREN NL*)? LCURL NL* (whenEntry (semis whenEntry)* semis?)? RCURL;

whenEntry
  : whenCondition (NL* COMMA NL* whenCondition)* (NL* COMMA)? NL* ARROW NL* controlStructureBody
  | ELSE NL* ARROW NL* controlStructureBody
  ;

whenCondition
  : expression                                                      # valueCondition
  | op=(IN | NOT_IN) NL* expression                                 # inCondition
  | op=(IS | NOT_IS) NL* type                                       # isCondition
  ;

tryExpression: TRY NL* block (NL* catchBlock)* (NL* finallyBlock)?;

catchBlock: CATCH NL* LPAREN declName COLON type RPAREN NL* block;

finallyBlock: FINALLY NL* block;

jumpExpression
  : THROW NL* expression                                            # throwJump
  | (RETURN | RETURN_AT) expression?                                # returnJump
  | (CONTINUE | CONTINUE_AT)                                        # continueJump
  | (BREAK | BREAK_AT)                                              # breakJump
  ;

// ---------------------------------------------------------------- strings

stringLiteral: lineStringLiteral | multiLineStringLiteral;

lineStringLiteral: (QUOTE_OPEN | DOLLAR_QUOTE_OPEN) (lineStringContent | lineStringExpression)* QUOTE_CLOSE?;

lineStringContent: LINE_STR_TEXT | LINE_STR_ESCAPE | LINE_STR_REF | DOLLAR_STR_REF;

lineStringExpression: LINE_STR_EXPR_START expression RCURL;

multiLineStringLiteral: (TRIPLE_QUOTE_OPEN | DOLLAR_TRIPLE_QUOTE_OPEN) (multiLineStringContent | multiLineStringExpression)* TRIPLE_QUOTE_CLOSE?;

multiLineStringContent: MULTI_STR_TEXT | MULTI_STR_QUOTE | MULTI_STR_REF | DOLLAR_STR_REF;

multiLineStringExpression: MULTI_STR_EXPR_START expression RCURL;

// ---------------------------------------------------------------- types

type
  : (receiverType NL* DOT NL*)? functionTypeParameters NL* ARROW NL* type   # functionType
  | LPAREN type RPAREN QUEST?                                              # parenthesizedType
  | simpleUserType QUEST?                                                  # namedType
  ;

receiverType: simpleUserType QUEST? | LPAREN type RPAREN QUEST?;

// `Map.Entry<K, V>`: one qualifier, as Kotlin names a nested type
simpleUserType: IDENT (DOT IDENT)? (NL* LANGLE NL* type (NL* COMMA NL* type)* NL* RANGLE)?;

functionTypeParameters: LPAREN (functionTypeParameter (COMMA functionTypeParameter)* COMMA?)? RPAREN;

functionTypeParameter: (IDENT COLON)? type;
