// A one-line progress bar on a terminal (stderr), silent when stderr is not a TTY except for a line every 10 s.

export interface ProgressState {
  done: number;
  failed: number;
  total: number;
  costUsd: number;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastLine = 0;
  const render = (s: ProgressState, final = false) => {
    const finished = s.done + s.failed;
    const elapsed = (Date.now() - started) / 1000;
    const rate = finished / Math.max(elapsed, 0.001);
    const eta = rate > 0 ? Math.round((s.total - finished) / rate) : null;
    const width = 28;
    const filled = s.total ? Math.round((finished / s.total) * width) : width;
    const text = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${finished}/${s.total} cells · ${s.failed} failed · $${s.costUsd.toFixed(4)} · ${eta === null || final ? `${elapsed.toFixed(1)}s` : `ETA ${eta}s`}`;
    if (stream.isTTY) stream.write(`\r${text}${final ? "\n" : ""}`);
    else if (final || Date.now() - lastLine > 10_000) {
      lastLine = Date.now();
      stream.write(`${text}\n`);
    }
  };
  return { update: (s: ProgressState) => render(s), finish: (s: ProgressState) => render(s, true) };
}
