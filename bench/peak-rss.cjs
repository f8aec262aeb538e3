// Preloaded into the process the rehearsal bench measures (node -r): reports its peak memory and CPU on exit.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `bench-usage ${JSON.stringify({ maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime })}\n`,
  );
});
