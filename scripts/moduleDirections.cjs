// Which folder of src/ may import which: the directions the README's architecture diagram draws. Read by
// .dependency-cruiser.cjs, which refuses any other import between folders, and by the module rules' unit test.
// Lower folders know nothing of higher ones; the map must stay free of cycles (checked when it is loaded).

/** @type {Record<string, readonly string[]>} folder → the folders it may import */
const DIRECTIONS = {
  // Foundations: text handling, the network, git's files, and the platform (settings reader, log, ports, show).
  text: [],
  net: [],
  git: [],
  platform: ['text'],
  // What one session is, and what may be said of it.
  privacy: ['git', 'platform', 'text'],
  tracking: ['platform', 'privacy', 'text'],
  links: ['platform', 'text', 'tracking'],
  outbox: ['platform', 'text', 'tracking'],
  // This machine's history of sessions, in files beside the outbox (it shares the outbox's file helpers).
  ledger: ['outbox', 'platform', 'text'],
  graph: ['net', 'platform', 'text'],
  activity: ['git', 'graph', 'links', 'privacy', 'text', 'tracking'],
  // The typed settings, validated (they name the levels, the content options and the tracker's rules).
  settings: ['activity', 'platform', 'privacy', 'text', 'tracking'],
  editor: ['activity', 'git', 'settings', 'tracking'],
  auth: ['graph', 'net', 'platform', 'settings', 'text'],
  // Publishing, and what shows its results.
  publish: ['activity', 'auth', 'graph', 'platform', 'privacy', 'settings', 'text', 'tracking'],
  status: ['auth', 'platform', 'publish', 'text'],
  feed: ['auth', 'editor', 'graph', 'links', 'platform', 'publish', 'text', 'tracking'],
  insights: ['activity', 'feed', 'graph', 'ledger', 'platform', 'publish', 'settings', 'text', 'tracking'],
  // The browser side shares only the panel's message protocol (its own rule narrows it to two files).
  webview: ['insights'],
  // The container wires every feature; the root only builds the container.
  app: [
    'activity',
    'auth',
    'editor',
    'feed',
    'graph',
    'insights',
    'ledger',
    'links',
    'outbox',
    'platform',
    'privacy',
    'publish',
    'settings',
    'status',
    'text',
    'tracking',
  ],
};

/** The folders in an order where each comes after every folder it may import; throws on a cycle. */
function layered(directions) {
  const order = [];
  const state = new Map();
  const visit = (folder, path) => {
    if (state.get(folder) === 'done') return;
    if (state.get(folder) === 'open') throw new Error(`moduleDirections: a cycle: ${[...path, folder].join(' → ')}`);
    if (!(folder in directions)) throw new Error(`moduleDirections: ${path.at(-1)} names an unknown folder ${folder}`);
    state.set(folder, 'open');
    for (const next of directions[folder]) visit(next, [...path, folder]);
    state.set(folder, 'done');
    order.push(folder);
  };
  for (const folder of Object.keys(directions)) visit(folder, []);
  return order;
}

module.exports = { DIRECTIONS, LAYERS: layered(DIRECTIONS), layered };
