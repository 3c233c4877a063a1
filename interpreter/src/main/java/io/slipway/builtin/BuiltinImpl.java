package io.slipway.builtin;

/**
 * The Java implementation of a builtin. {@code args} holds one value per declared parameter, in
 * declaration order, defaults already filled in and a vararg parameter collected into a
 * {@code java.util.List}. {@code receiver} is the object of a method call, else null.
 *
 * <p>Run-time failures are thrown as {@code io.slipway.interp.SlipException} values that carry the
 * Slipway error type and message; anything else escaping is a bug and is reported as one.
 */
@FunctionalInterface
public interface BuiltinImpl {
  Object call(CallContext cx, Object receiver, Object[] args) throws Exception;
}
