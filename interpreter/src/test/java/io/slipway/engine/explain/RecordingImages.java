package io.slipway.engine.explain;

import io.slipway.engine.BuildSpec;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ImageInfo;
import io.slipway.engine.OutputSink;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fake engine whose builds and image lookups answer with the ids of {@code ids} (ref -> id). */
final class RecordingImages {
  private RecordingImages() {}

  static ContainerEngine of(ContainerEngine inner, Map<String, String> ids) {
    InvocationHandler h = (proxy, m, args) -> {
      Object r;
      try {
        r = m.invoke(inner, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (m.getName().equals("build")) {
        String tag = ((BuildSpec) args[0]).tags().get(0);
        return new ImageInfo(ids.get(tag), List.of(tag), 0, Map.of(), "");
      }
      if (m.getName().equals("inspectImage") && ids.containsKey((String) args[0])) {
        return Optional.of(new ImageInfo(ids.get((String) args[0]), List.of((String) args[0]), 0, Map.of(), ""));
      }
      return r;
    };
    return (ContainerEngine) Proxy.newProxyInstance(RecordingImages.class.getClassLoader(),
        new Class<?>[] {ContainerEngine.class}, h);
  }
}
