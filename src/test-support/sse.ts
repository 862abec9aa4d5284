/** One SSE frame as a browser's EventSource would see it. */
export interface SseFrame {
  id?: string;
  event: string;
  data: string;
  retry?: number;
  /** Comment lines (`: heartbeat`). */
  comments: string[];
}

export interface SseStream {
  status: number;
  headers: Headers;
  frames: SseFrame[];
  /** `event: change` frames' data. */
  changes: () => { id: number; recordType: string; recordId: string; action: string; [key: string]: unknown }[];
  /** Resolves with the first frame (from the start) that matches, or rejects after `timeoutMs`. */
  waitFor: (match: (frame: SseFrame) => boolean, timeoutMs?: number) => Promise<SseFrame>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
}

function parseFrame(block: string): SseFrame {
  const frame: SseFrame = { event: 'message', data: '', comments: [] };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comments.push(line.slice(1).trim());
    const [, field, value = ''] = /^([a-z]+): ?(.*)$/i.exec(line) ?? [];
    if (field === 'id') frame.id = value;
    if (field === 'event') frame.event = value;
    if (field === 'data') data.push(value);
    if (field === 'retry') frame.retry = Number(value);
  }
  frame.data = data.join('\n');
  return frame;
}

/** Opens an event stream with fetch and collects its frames (tests only). */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const frames: SseFrame[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  let buffer = '';
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          frames.push(parseFrame(buffer.slice(0, cut)));
          buffer = buffer.slice(cut + 2);
          notify();
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  const waitFor = (match: (frame: SseFrame) => boolean, timeoutMs = 5000) =>
    new Promise<SseFrame>((resolve, reject) => {
      const check = () => {
        const found = frames.find(match);
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return {
    status: response.status,
    headers: response.headers,
    frames,
    changes: () => frames.filter((f) => f.event === 'change').map((f) => JSON.parse(f.data)),
    waitFor,
    ended,
    close: () => abort.abort(),
  };
}
