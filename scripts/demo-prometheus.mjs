#!/usr/bin/env node
// Starts a Prometheus with generated SLI history for the demo SLOs and keeps
// it running until stopped (SIGINT/SIGTERM). Usage:
//   node scripts/demo-prometheus.mjs <data dir> <port>
import { startDemoPrometheus } from './lib/demo-prometheus.mjs';

const [dir, port] = process.argv.slice(2);
const prometheus = await startDemoPrometheus({
  dir,
  port: Number(port),
  log: message => console.log(`[demo-prometheus] ${message}`),
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await prometheus.stop();
    process.exit(0);
  });
}
