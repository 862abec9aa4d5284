/** Latency and throughput of a request loop: `connections` callers in parallel for `durationMs`. */
export interface Measurement {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
}

export function summarise(latencies: number[], errors: number, elapsedMs: number): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { requests: sorted.length, errors, perSecond: (sorted.length / elapsedMs) * 1000, p50: at(0.5), p95: at(0.95) };
}

async function loop(call: () => Promise<unknown>, connections: number, durationMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + durationMs;
  const caller = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await call();
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, caller));
  return summarise(latencies, errors, performance.now() - start);
}

/** Runs `call` unmeasured for `warmupMs` (JIT, plan and buffer caches), then measures it for `durationMs`. */
export async function measureLoop(
  call: () => Promise<unknown>,
  options: { connections: number; durationMs: number; warmupMs: number },
) {
  if (options.warmupMs > 0) await loop(call, options.connections, options.warmupMs);
  return loop(call, options.connections, options.durationMs);
}
