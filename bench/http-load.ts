/**
 * Child process: autocannon against one URL, printing a Measurement as JSON. It runs apart from the
 * server so the load generator does not share the server's event loop (it still shares the cores).
 * autocannon reports no p95, so every response time is collected and the percentiles computed here.
 *
 *   node --import tsx bench/http-load.ts <url> <authorization|-> <connections> <seconds> <warmup seconds> [method] [JSON body]
 */
import autocannon from 'autocannon';
import { summarise } from './measure.js';

const [url, authorization, connections, seconds, warmup, method = 'GET', body] = process.argv.slice(2);
const headers: Record<string, string> = authorization && authorization !== '-' ? { authorization } : {};
if (body) headers['content-type'] = 'application/json';
const base = { url: url!, connections: Number(connections), headers, method: method as 'GET', body };

if (Number(warmup) > 0) await autocannon({ ...base, duration: Number(warmup) });

const latencies: number[] = [];
let rejected = 0;
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon({ ...base, duration: Number(seconds) }, (error, done) => (error ? reject(error) : resolve(done)));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else rejected++;
  });
});
// autocannon's own count of 2xx answers is the check that no response slipped past the listener.
if (result['2xx'] !== latencies.length) console.error(`http-load: ${result['2xx']} 2xx but ${latencies.length} timed`);
const measured = summarise(latencies, rejected + result.errors + result.timeouts, result.duration * 1000);
process.stdout.write(`${JSON.stringify(measured)}\n`);
