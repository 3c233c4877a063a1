/**
 * The type checker.
 *
 * <p>{@link io.slipway.check.Checker} checks a pipeline file and its imports as a whole before
 * anything runs. It is one pass per file over the sealed AST, with results in side tables keyed
 * by node identity ({@link io.slipway.check.TypeTable}); the AST itself stays untouched.
 *
 * <ul>
 *   <li>Scopes are hash maps chained by nesting ({@code Scope}), so lookups cost the nesting
 *       depth, not the file size. Functions and data classes are hoisted per block; an
 *       expression-bodied function's return type is inferred on first use.
 *   <li>Calls resolve, in this order, to a local function, value or data class, a member of the
 *       innermost implicit receiver (only the innermost: Kotlin's {@code @DslMarker} rule, which
 *       is how {@code stage} inside a stage is rejected), then a global builtin. A name that
 *       only a DSL scope declares is E0402 naming where it is allowed.
 *   <li>Type variables of builtin signatures are inferred by unification: plain arguments
 *       first, then the expected type for what is still unbound, then lambdas against the
 *       instantiated function type.
 *   <li>Smart casts are narrowed copies of symbols in a child scope (also for stable property
 *       paths such as {@code params.deployTo}), derived from conditions and early exits.
 *   <li>Every diagnosed expression gets the error type, compatible with everything, so one
 *       mistake gives one diagnostic.
 * </ul>
 */
package io.slipway.check;
