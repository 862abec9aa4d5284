/**
 * Child process: autocannon against one URL, printing a Measurement as JSON. It runs apart from the
 * server so the load generator does not share the server's event loop. autocannon reports no p95,
 * so every response time is collected and the percentiles computed here.
 */
import autocannon from 'autocannon';
import { summarise } from './measure.js';

const [url, authorization, connections, seconds] = process.argv.slice(2);
const latencies: number[] = [];
let errors = 0;
const options = { url: url!, connections: Number(connections), duration: Number(seconds), headers: { authorization: authorization! } };
const instance = autocannon(options, (error, result) => {
  if (error) throw error;
  const measured = summarise(latencies, errors + result.errors + result.timeouts, Number(seconds) * 1000);
  process.stdout.write(`${JSON.stringify(measured)}\n`);
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (statusCode === 200) latencies.push(responseTime);
  else errors++;
});
