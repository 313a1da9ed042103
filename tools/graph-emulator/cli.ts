// npm run emulator -- [--profile documented|pessimistic] [--history-ids honoured|ignored] [--replace keeps|drops]
//                     [--throttled counted|free] [--encoded-slash accepted|rejected] [--order newest|oldest]
//                     [--errors real|generic] [--port 8080] [--auth-port 8443] [--no-throttling] [--page-size 10]
//                     [--empty-pages 0] [--auto-approve] [--ca-out ca.pem]
import { writeFileSync } from 'node:fs';
import { describeSwitches, PROFILE_NAMES, ProfileError, SWITCH_NAMES, SWITCHES } from './profile';
import { startEmulator, DEFAULT_CLIENT_ID } from './server';

const USAGE = `Usage: npm run emulator -- [options]
  --profile <name>        how the service answers what Graph's documentation leaves open: ${PROFILE_NAMES.join(' | ')}
                          (default documented: every unknown answered in the client's favour; pessimistic: against it)
${SWITCH_NAMES.map((n) => `  --${SWITCHES[n].flag} <${SWITCHES[n].values.join('|')}>`.padEnd(44) + 'one unknown, over the profile').join('\n')}
  --port <n>, --auth-port <n>   Graph (HTTP) and token endpoint (HTTPS) ports; 0 picks free ones
  --no-throttling         no per-user limits
  --page-size <n>, --empty-pages <n>   paging of GET /me/activities
  --auto-approve          device codes are approved at once
  --ca-out <file>         save the token endpoint's CA certificate
Switches can also be changed while it runs: POST /_emulator/profile {"profile":"pessimistic","historyIds":"honoured"}.`;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function numberOption(name: string, fallback: number): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, got '${text}'.`);
  return value;
}

function switchOptions(): Record<string, string> {
  const switches: Record<string, string> = {};
  for (const name of SWITCH_NAMES) {
    const value = option(SWITCHES[name].flag);
    if (value !== undefined) switches[name] = value;
  }
  return switches;
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator({
    profile: option('profile') ?? 'documented',
    switches: switchOptions(),
    port: numberOption('port', 0),
    authPort: numberOption('auth-port', 0),
    throttling: { enabled: !process.argv.includes('--no-throttling') },
    paging: { pageSize: numberOption('page-size', 10), emptyPagesBetween: numberOption('empty-pages', 0) },
    autoApproveDeviceCodes: process.argv.includes('--auto-approve'),
  });
  const caOut = option('ca-out');
  if (caOut && emulator.caPem) writeFileSync(caOut, emulator.caPem);
  console.log(`Graph emulator
  Profile:         ${describeSwitches(emulator.service)}
  Graph root:      ${emulator.graphUrl}
  Timeline:        ${emulator.origin}/
  Admin API:       ${emulator.origin}/_emulator/ (profile, clock, state, requests, faults, throttling, paging, tokens, devicecodes)
  Token authority: ${emulator.authorityUrl ?? '(off)'}  (tenant 'common', e.g. ${emulator.authorityUrl ?? ''}/common/v2.0/.well-known/openid-configuration)
  CA certificate:  ${caOut ?? 'pass --ca-out <file> to save it, then NODE_EXTRA_CA_CERTS=<file>'}
  Any client id works; e.g. ${DEFAULT_CLIENT_ID}. Stop with Ctrl+C.`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof ProfileError) console.error(`\n${USAGE}`);
  process.exit(1);
});
