/**
 * The process's CPU time in milliseconds (user + system). The fuzz tests bound each call by the
 * CPU it uses, not by wall time: a call that is only waiting for a core on a loaded CI machine
 * uses none, while a hang or a pathological blow-up still burns CPU past the bound.
 */
export function cpuNowMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
