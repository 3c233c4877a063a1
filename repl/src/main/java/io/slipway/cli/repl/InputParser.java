package io.slipway.cli.repl;

import io.slipway.repl.ReplRequest;
import io.slipway.repl.ReplResponse;
import io.slipway.repl.ReplSession;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;

/**
 * Tells jline when typed input is complete and what the word being completed is. Input the
 * session finds incomplete (an open brace, an open string, a trailing operator) is answered with
 * {@link EOFError}, so jline continues on a secondary prompt showing what is missing
 * ({@link Continuation}). For
 * completion, the session is asked ({@link ReplRequest.Complete}) once: its answer fixes the
 * word (from its anchor to the cursor) and is kept for {@link SessionCompleter}. Both wait for
 * the session while it is still being built ({@link PendingSession}); a Ctrl-C while waiting
 * (jline interrupts the reading thread) discards the line as a Ctrl-C at the prompt does.
 */
final class InputParser implements Parser {
  private final PendingSession session;
  private volatile ReplResponse.Completions last = new ReplResponse.Completions(List.of(), 0);

  InputParser(PendingSession session) {
    this.session = session;
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.COMPLETE) {
      ReplSession s;
      try {
        s = session.get();
      } catch (InterruptedException e) {
        return new Line(line, cursor, ""); // no completion: Ctrl-C while waiting for the session
      }
      ReplResponse r = s.handle(new ReplRequest.Complete(line, cursor));
      ReplResponse.Completions c = r instanceof ReplResponse.Completions cs ? cs
          : new ReplResponse.Completions(List.of(), cursor);
      last = c;
      int anchor = Math.max(0, Math.min(c.anchor(), cursor));
      return new Line(line, cursor, line.substring(anchor, cursor));
    }
    // SECONDARY_PROMPT: jline asks again while drawing the continuation lines, for %M
    if (context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT) {
      String missing;
      try {
        missing = session.get().missing(line);
      } catch (InterruptedException e) {
        throw new UserInterruptException(line);
      }
      if (missing != null) {
        throw new EOFError(-1, cursor, missing, Continuation.prompt(missing));
      }
    }
    return new Line(line, cursor, line);
  }

  /** The candidates of the last completion parse. */
  ReplResponse.Completions lastCompletions() {
    return last;
  }

  /** One word: the text being completed (or the whole line), ending at the cursor. */
  private record Line(String line, int cursor, String word) implements CompletingParsedLine {
    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate; // candidates are code, inserted as they are
    }

    @Override
    public int rawWordCursor() {
      return word.length();
    }

    @Override
    public int rawWordLength() {
      return word.length();
    }

    @Override
    public int wordCursor() {
      return word.length();
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(word);
    }
  }
}
