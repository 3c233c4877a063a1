package io.slipway.engine.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.slipway.engine.LogLine;
import io.slipway.engine.OutputSink;

/** Forwards docker-java output frames to an {@link OutputSink} as raw chunks. */
class FrameSink extends ResultCallback.Adapter<Frame> {
  private final OutputSink sink;

  FrameSink(OutputSink sink) {
    this.sink = sink;
  }

  @Override
  public void onNext(Frame frame) {
    if (frame.getPayload() == null || frame.getPayload().length == 0) {
      return;
    }
    var stream = frame.getStreamType() == StreamType.STDERR ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT;
    sink.write(stream, frame.getPayload());
  }
}
