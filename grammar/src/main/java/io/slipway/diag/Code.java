package io.slipway.diag;

/**
 * The stable catalogue of diagnostic codes. A code never changes meaning once released; tests
 * and docs refer to codes, not message text. Ranges: E01xx syntax, E02xx types, E03xx names and
 * calls, E04xx pipeline structure, E05xx params, imports and secrets, E07xx compose files, E08xx
 * REPL commands.
 * Wxxxx codes are warnings: they are shown but do not stop a run.
 */
public enum Code {
  // --- syntax
  E0100("syntax error"),
  E0101("unterminated string"),
  E0102("missing closing delimiter"),
  E0103("invalid character"),
  E0104("invalid number literal"),
  E0105("nesting too deep"),
  E0106("keyword used as a name"),
  E0107("invalid escape sequence"),
  E0108("invalid character literal"),
  // --- types
  E0201("operator not applicable"),
  E0202("condition is not Bool"),
  E0203("type mismatch"),
  E0204("unsafe call on a nullable value"),
  E0205("secret used as a string"),
  E0206("`when` is not exhaustive"),
  E0207("return type required or mismatched"),
  E0208("unit value out of range"),
  E0209("cannot infer type"),
  E0210("unknown type"),
  E0211("not callable"),
  E0212("`break` or `continue` outside a loop"),
  E0213("`return` outside a function"),
  E0214("wrong number of type arguments"),
  // --- names and calls
  E0301("unknown name"),
  E0302("unknown member"),
  E0303("duplicate declaration"),
  E0304("assignment to a `val`"),
  E0305("unknown named argument"),
  E0306("missing argument"),
  E0307("too many arguments"),
  E0308("argument given twice"),
  E0309("no overload accepts the arguments"),
  /** A warning: the declaration is used in place of the standard library's, as Kotlin's does. */
  W0301("declaration shadows a standard-library one"),
  // --- pipeline structure
  E0401("pipeline count"),
  E0402("pipeline construct not allowed here"),
  E0403("duplicate stage name"),
  E0404("unknown stage in `needs`"),
  E0405("cycle in `needs`"),
  E0406("stage name must be known at plan time"),
  // --- params, imports, secrets
  E0501("import not found"),
  E0502("import cycle"),
  E0503("invalid param value"),
  E0504("unknown param"),
  E0505("declaration not allowed here"),
  E0506("secret not available"),
  E0507("import not allowed"),
  E0508("secret name not known before the run"),
  // --- compose files (io.slipway.compose): located in the YAML file, rendered like check errors
  E0701("invalid YAML"),
  E0702("wrong type in a compose file"),
  E0703("unknown key in a compose file"),
  E0704("invalid value in a compose file"),
  E0705("undefined name in a compose file"),
  E0706("missing required variable"),
  E0707("invalid interpolation"),
  E0708("compose file not readable"),
  E0709("dependency cycle in a compose file"),
  E0710("variable not set"),
  E0711("compose key not applied"),
  // --- REPL commands (io.slipway.repl): located in the command line as typed
  E0801("unknown REPL command or subcommand"),
  E0802("unknown option or fault"),
  E0803("invalid value in a REPL command"),
  E0804("wrong arguments to a REPL command"),
  E0805("unknown container"),
  E0806("the containers cannot take this network command"),
  E0807("unknown network");

  private final String title;

  Code(String title) {
    this.title = title;
  }

  /** The code as shown to users, e.g. {@code E0203}. */
  public String id() {
    return name();
  }

  /** True for the parser's codes (E01xx), whose neighbours later passes may only guess at. */
  public boolean syntax() {
    return name().startsWith("E01");
  }

  /** A short, stable description, listed by {@code slipway docs}. */
  public String title() {
    return title;
  }
}
