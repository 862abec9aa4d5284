import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

/** Where a piece of code lives: an npm package, a file of ours, or V8's own (GC, idle, native). */
function placeOf(node: ProfileNode) {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const ours = /\/((?:src|bench)\/.*)$/.exec(url)?.[1];
  if (ours) return ours;
  return url.startsWith('node:') ? `node:${url.slice(5).split('/')[0]}` : url;
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of the sampled time, by package or file, largest first. */
  places: { place: string; ms: number; share: number }[];
  /** The hottest functions (self time). */
  functions: { name: string; ms: number; share: number }[];
}

/**
 * A CPU profile of this process (the server, and PGlite when it is embedded) while `action` runs,
 * summarised by self time per package or source file: where one API request's CPU goes.
 */
export async function profileWhile(action: () => Promise<unknown>): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  let stopped;
  try {
    await action();
  } finally {
    stopped = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    session.disconnect();
  }
  const { profile } = stopped;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    totalMs += ms;
    const place = placeOf(node);
    places.set(place, (places.get(place) ?? 0) + ms);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${place}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, ms]) => ({ key, ms, share: ms / totalMs }));
  return {
    totalMs,
    places: top(places, 25).map(({ key, ...rest }) => ({ place: key, ...rest })),
    functions: top(functions, 25).map(({ key, ...rest }) => ({ name: key, ...rest })),
  };
}
