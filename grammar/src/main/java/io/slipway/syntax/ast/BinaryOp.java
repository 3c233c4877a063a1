package io.slipway.syntax.ast;

/** Binary operators, with the symbol as written. */
public enum BinaryOp {
  ADD("+"), SUB("-"), MUL("*"), DIV("/"), REM("%"),
  EQ("=="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">="),
  AND("&&"), OR("||"),
  RANGE(".."), ELVIS("?:"), IN("in"), NOT_IN("!in"), TO("to");

  private final String symbol;

  BinaryOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
