package io.slipway.syntax.ast;

/** {@code =} and the compound assignments. */
public enum AssignOp {
  ASSIGN("="), ADD("+="), SUB("-="), MUL("*="), DIV("/="), REM("%=");

  private final String symbol;

  AssignOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
