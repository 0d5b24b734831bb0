// The lab's IKE daemons: when the environment has IKE connections, every namespace node
// gets a charon of its own (src/ipsec/charon.ts: kernel-libipsec, its VICI socket in the
// node's state folder), so plan and apply can load connections as on a real node. They
// are stopped, by pid, before their namespaces are deleted.
import { nodeCharonPaths, startCharon, stopCharon } from '../ipsec/charon.js';

/** Starts one charon per node namespace; on a failure stops those it started, then throws. */
export async function startLabCharons(namespaces: readonly string[]): Promise<string[]> {
  const started: string[] = [];
  try {
    for (const ns of namespaces) {
      await startCharon({ paths: nodeCharonPaths(ns), kind: 'live', namespace: ns });
      started.push(ns);
    }
  } catch (err) {
    await stopLabCharons(started);
    throw err;
  }
  return started;
}

/** Stops the charons of these namespaces that run; returns the namespaces whose charon stopped. */
export async function stopLabCharons(namespaces: readonly string[]): Promise<string[]> {
  const stopped: string[] = [];
  for (const ns of namespaces) if (await stopCharon(nodeCharonPaths(ns))) stopped.push(ns);
  return stopped;
}
