// @ts-check
// Fallback when /usr/bin/time is missing: preloaded into every Node process of a contender (through
// NODE_OPTIONS), it appends that process's peak RSS in KiB to $BENCH_RSS_FILE; the bench takes the max.
import { appendFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
