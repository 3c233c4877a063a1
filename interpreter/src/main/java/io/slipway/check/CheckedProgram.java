package io.slipway.check;

import io.slipway.syntax.ast.Program;
import io.slipway.types.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of checking a pipeline (or library) file with its imports.
 *
 * @param imports every imported program, each once, in dependency order (a file after its imports)
 * @param params the {@code param} declarations of the main file, in source order
 * @param secretNames the names of {@code secret("X")} calls with a literal name, in all files, sorted
 * @param computedSecretNames what the other {@code secret(..)} calls' names can be (all are known
 *     before the run: the checker rejects the rest)
 * @param types the type of every checked expression of every file
 * @param dataClasses every data class by name, from all files
 * @param paramsType the synthesized record type of {@code params}
 */
public record CheckedProgram(Program main, List<Program> imports, List<ParamInfo> params,
    Set<String> secretNames, List<SecretName> computedSecretNames, TypeTable types, Map<String, DataClassInfo> dataClasses,
    Type paramsType) {

  public CheckedProgram {
    imports = List.copyOf(imports);
    params = List.copyOf(params);
    computedSecretNames = List.copyOf(computedSecretNames);
    // sorted, so that "secret not available" reports come in a stable order
    secretNames = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(secretNames));
    dataClasses = Map.copyOf(dataClasses);
  }
}
