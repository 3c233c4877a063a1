package io.slipway.check;

import io.slipway.types.Type;

/** A parameter as call checking sees it, for builtins, user functions and data classes alike. */
record ParamSig(String name, Type type, boolean hasDefault, boolean vararg) {}
