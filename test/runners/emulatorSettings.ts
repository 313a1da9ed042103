// User settings that point the extension at a local emulator: its Graph, its token endpoint, its app registration.
import { DEFAULT_CLIENT_ID, RunningEmulator } from '../../tools/graph-emulator';

export function emulatorSettings(emulator: RunningEmulator): Record<string, unknown> {
  return {
    'activityFeed.graph.endpoint': emulator.graphUrl,
    'activityFeed.auth.clientId': DEFAULT_CLIENT_ID,
    'activityFeed.auth.authorityHost': emulator.authorityUrl,
    'activityFeed.auth.method': 'deviceCode',
    // The editor's proxy-aware fetch verifies TLS against the OS certificate store when this is on, which does not
    // hold the emulator's CA; off, Node's store applies, which NODE_EXTRA_CA_CERTS extends.
    'http.systemCertificates': false,
    // Sessions of a few seconds are enough to test with.
    'activityFeed.tracking.minimumSessionSeconds': 0,
    'activityFeed.tracking.switchGraceSeconds': 0,
  };
}
